#!/usr/bin/env python3
"""Probe the reference auditctl with rules, for make-golden.py.

    probe-reference.py RULES > probes.json

RULES has one auditctl command line per line (shell quoting; '#' lines and
blank lines are skipped). For each, as root and holding the kernel lock
(/tmp/auditkit-kernel-test.lock) for that rule only:
  - /usr/sbin/auditctl RULE under strace, keeping the AUDIT_ADD_RULE /
    AUDIT_DEL_RULE bytes it sends, its exit code and stderr;
  - /usr/sbin/auditctl -l and -l -i, keeping the text and, through strace,
    the kernel's AUDIT_LIST_RULES reply;
  - /usr/sbin/auditctl -D, back to no rules.
The kernel must start with no rules (make-golden.py drops a probe whose
listing has more than the one rule). Needs strace. Never give it rules that
change the enabled flag or failure mode.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

LOCK = '/tmp/auditkit-kernel-test.lock'
AUDITCTL = '/usr/sbin/auditctl'
STRACE = 'strace -f -e signal=none -xx -s 65536'


def unescape(s):
    return bytes(int(h, 16) for h in re.findall(r'\\x([0-9a-f]{2})', s))


def payloads(trace, types):
    """(type, hex) of each netlink message of the given types in a trace."""
    found = []
    for line in trace.splitlines():
        if 'MSG_PEEK' in line:
            continue
        m = re.search(r'nlmsg_type=(%s)[,}].*?\}, "((?:\\x[0-9a-f]{2})*)"'
                      % types, line)
        if m:
            found.append((m.group(1), unescape(m.group(2)).hex()))
    return found


def probe(line, tmp):
    args = ' '.join(shlex.quote(w) for w in shlex.split(line))
    f = lambda name: os.path.join(tmp, name)
    script = (
        '{st} -e trace=sendto -o {t1} {ac} {args} >{out} 2>{err}; echo $? >{rc}; '
        '{st} -e trace=recvfrom -o {t2} {ac} -l >{l1} 2>&1; '
        '{ac} -l -i >{l2} 2>&1; {ac} -D >/dev/null 2>&1'
    ).format(st=STRACE, ac=AUDITCTL, args=args, t1=f('t1'), t2=f('t2'),
             out=f('out'), err=f('err'), rc=f('rc'), l1=f('l1'), l2=f('l2'))
    subprocess.run(['flock', LOCK, 'sh', '-c', script], check=True)
    read = lambda name: open(f(name), 'rb').read().decode('latin1')
    sent = payloads(read('t1'), 'AUDIT_ADD_RULE|AUDIT_DEL_RULE')
    kern = [h for _, h in payloads(read('t2'), 'AUDIT_LIST_RULES')]
    return dict(line=line, rc=read('rc').strip(), err=read('err'),
                out=read('out'), sent=sent, kern=kern,
                list=read('l1'), listi=read('l2'))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for line in open(sys.argv[1]):
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                print(json.dumps(probe(line, tmp)), flush=True)


main()
