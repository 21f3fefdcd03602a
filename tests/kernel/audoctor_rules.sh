#!/bin/sh
# audoctor's rule checks on the real kernel, with our auditd logging:
# a burst on one of three keyed paths is a noisy-rule naming that key,
# and the narrower rule it gives loads; a write watch on the daemon's log
# directory is rule-audits-daemon (info: the kernel spares the registered
# daemon, the events of the daemon in the logs are in the unit tests);
# -S all with no filter is rule-matches-everything. The last two are
# loaded with auditing off (enabled 0): never enabled with -S all.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../audoctor_lib.sh"
kernel_begin
daemon_begin
command -v perl >/dev/null || skip_all "perl is needed for the load generator"
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"

d=$TMP/d
daemon_conf "$d" </dev/null
log=$d/log/audit.log
for f in a b c; do : >"$TMP/$f"; done
hits() { grep -ac "^type=SYSCALL.*key=\"kt_$1\"" "$log" 2>/dev/null || echo 0; }
# chmod PATH COUNT: COUNT chmod(2) calls, one process.
burst() { perl -e 'chmod 0600, $ARGV[0] for 1..$ARGV[1]' "$1" "$2"; }
# fix_line ID PREFIX: the first fix line of ID starting with PREFIX.
fix_line() { doctor_fix "$1" >"$TMP/fix.txt"; grep -m1 "^$2" "$TMP/fix.txt"; }

daemon_start "$BIN/auditd" "$d" || { not_ok "our auditd starts"; plan_done; }
kref -e 1 >/dev/null
for f in a b c; do
	kref -a always,exit -F arch=b64 -S chmod -F path="$TMP/$f" -k "kt_$f" >/dev/null
done
burst "$TMP/a" 20
burst "$TMP/b" 1000
burst "$TMP/c" 20
i=0
while [ "$(hits b)" -lt 1000 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
n=$(hits b)

doctor --watch 0 -c "$d"
check_finding "a burst on one of three keyed paths: noisy-rule" noisy-rule warning
check "it names key kt_b with the $n events the log holds" \
	[ "$(doctor_evidence noisy-rule top1)" = "key kt_b" -a "$(doctor_evidence noisy-rule top1_events)" = "$n" ]
share=$(doctor_evidence noisy-rule top1_share_percent)
check "its share is over 90% ($share)" python3 -c "import sys; sys.exit(not float('$share') > 90)"
old=$(fix_line noisy-rule "auditctl -d")
new=$(fix_line noisy-rule "auditctl -a")
exe=$(doctor_evidence noisy-rule top_exe)
check "the fix deletes the kt_b rule" [ "$old" = "auditctl -d always,exit -F arch=b64 -S chmod -F path=$TMP/b -F key=kt_b" ]
check "and adds it without $exe" [ "$new" = "auditctl -a always,exit -F arch=b64 -S chmod -F path=$TMP/b -F exe!=$exe -F key=kt_b" ]
# The exact lines work with the reference auditctl.
kref ${old#auditctl } >/dev/null 2>&1 && kref ${new#auditctl } >/dev/null 2>&1
check "both lines load with the reference auditctl" [ $? = 0 ]
check "and the kernel lists the new rule in place of the old" \
	sh -c "'$REF_AUDITCTL' -l | grep -q -- '-F path=$TMP/b -F exe=$exe -F key=kt_b'"

# A write watch on the log's directory (the kernel spares the registered
# daemon's own writes; the rest of what writes there is recorded).
kref -e 0 >/dev/null
kref -w "$d/log" -p wa -k kt_log >/dev/null
doctor --watch 0 -c "$d"
check_finding "a write watch on the log directory: rule-audits-daemon" rule-audits-daemon info
python3 - "$TMP/doctor.json" "$d/log" <<'PY' >"$TMP/daemon.txt"
import json, sys
f = [x for x in json.load(open(sys.argv[1]))["findings"] if x["id"] == "rule-audits-daemon"]
for x in f:
    e = x["evidence"]
    if "rule" in e:
        print("static", e["rule"], x["fix"].replace("\n", "|"))
PY
check "from the rule: the watch on $d/log is named" grep -q "^static -w $d/log -p wa -k kt_log " "$TMP/daemon.txt"
check "with the daemon left out as the fix" grep -q "auditctl -a always,exit -S all -F dir=$d/log -F perm=wa -F exe!=.*auditd -F key=kt_log" "$TMP/daemon.txt"
add=$(fix_line rule-audits-daemon "auditctl -a")
kref -W "$d/log" -p wa -k kt_log >/dev/null
kref ${add#auditctl } >/dev/null 2>&1
check "the exclusion loads with the reference auditctl" [ $? = 0 ]
kref -D >/dev/null

# -S all, no filter: loaded only while auditing is off.
check "auditing is off" [ "$(kref -s | awk '$1 == "enabled" { print $2 }')" = 0 ]
kref -a always,exit -F arch=b64 -S all -k kt_all >/dev/null
doctor --watch 0 -c "$d"
check_finding "-S all with no filter: rule-matches-everything" rule-matches-everything problem
case $(doctor_fix rule-matches-everything) in
*"auditctl -a always,exit -F arch=b64 -S all -F auid>=1000 -F auid!=-1 -F key=kt_all"*) ok "the fix narrows it to login users" ;;
*) not_ok "the fix narrows it to login users"; diag "$(doctor_fix rule-matches-everything)" ;;
esac
kref -D >/dev/null
daemon_stop
plan_done
