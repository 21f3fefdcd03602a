#!/usr/bin/env python3
# Writes the crafted log events.log: one event of each kind the normalizer
# knows (syscalls of every class, user, daemon, MAC, anomaly messages...),
# records modelled on real kernel and user-space ones
# (tests/data/auditd-format/raw-node.log). regen.sh runs the reference on it.
import sys

out = []
t = [1795274765, 100]
serial = [1000]

def stamp():
    t[1] += 7
    if t[1] > 999:
        t[0] += 1; t[1] -= 1000
    serial[0] += 1
    return "%d.%03d:%d" % (t[0], t[1], serial[0])

def emit(recs, node=True):
    s = stamp()
    for typ, body in recs:
        pre = "node=n1 " if node else ""
        out.append("%stype=%s msg=audit(%s): %s" % (pre, typ, s, body))

def hexs(s):
    return s.encode().hex().upper()

def syscall(nr, ok=True, exit_=0, a=("3", "0", "0", "0"), items=0, auid=54321,
            uid=0, euid=0, comm="cat", exe="/usr/bin/cat", key="(null)",
            arch="c000003e", extra=(), ses=3, tty="pts0", subj=None, eoe=False):
    succ = "yes" if ok else "no"
    body = ("arch=%s syscall=%d success=%s exit=%s a0=%s a1=%s a2=%s a3=%s "
            "items=%d ppid=657 pid=740 auid=%d uid=%d gid=0 euid=%d suid=0 "
            "fsuid=0 egid=0 sgid=0 fsgid=0 tty=%s ses=%d comm=\"%s\" exe=\"%s\""
            % (arch, nr, succ, exit_, a[0], a[1], a[2], a[3], items, auid, uid,
               euid, tty, ses, comm, exe))
    if subj:
        body += " subj=" + subj
    body += " key=" + (key if key == "(null)" else '"%s"' % key)
    recs = [("SYSCALL", body)]
    recs += list(extra)
    recs.append(("PROCTITLE", "proctitle=" + hexs(comm)))
    if eoe:
        recs.append(("EOE", ""))
    emit(recs)

def path(item, name, inode=4242, mode="0100644", nametype="NORMAL", ouid=0,
         obj=None):
    b = ("item=%d name=\"%s\" inode=%d dev=fe:00 mode=%s ouid=%d ogid=0 "
         "rdev=00:00 " % (item, name, inode, mode, ouid))
    if obj:
        b += "obj=%s " % obj
    b += "nametype=%s cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0" % nametype
    return ("PATH", b)

CWD = ("CWD", 'cwd="/root"')

def filecall(nr, name, ok=True, **kw):
    n = 2 if kw.pop("parent", False) else 1
    recs = [CWD]
    if n == 2:
        recs.append(path(0, "/etc/", 100, "040755", "PARENT"))
    recs.append(path(n - 1, name, 4242, kw.pop("mode", "0100644"),
                     kw.pop("nametype", "NORMAL")))
    syscall(nr, ok=ok, exit_=kw.pop("exit_", 0 if ok else -13), items=n,
            extra=recs, **kw)

# -- user-space messages
U = "pid=802 uid=0 auid=54321 ses=3 subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 msg='%s'"
def user(typ, m, **kw):
    emit([(typ, (kw.get("pre") or U) % m)])
# -- file syscalls (x86_64 numbers)
filecall(2, "/etc/passwd")                                  # open
filecall(2, "/etc/shadow", ok=False)                        # open failed
filecall(257, "/etc/hosts", a=("ffffff9c", "7ffd0", "0", "0"))  # openat read
filecall(257, "/etc/hosts", a=("ffffff9c", "7ffd0", "241", "1b6"))  # openat O_WRONLY|O_CREAT|O_TRUNC
filecall(0, "/etc/hosts")                                   # read
filecall(1, "/etc/hosts")                                   # write
filecall(90, "/etc/hosts", comm="chmod", exe="/usr/bin/chmod")      # chmod
filecall(268, "/etc/hosts", comm="chmod", exe="/usr/bin/chmod")     # fchmodat
filecall(92, "/etc/hosts", comm="chown", exe="/usr/bin/chown")      # chown
filecall(260, "/etc/hosts", comm="chown", exe="/usr/bin/chown")     # fchownat
filecall(87, "/etc/old", parent=True, nametype="DELETE", comm="rm", exe="/usr/bin/rm")
filecall(263, "/etc/old", parent=True, nametype="DELETE", comm="rm", exe="/usr/bin/rm")
filecall(84, "/etc/dir", parent=True, nametype="DELETE", mode="040755", comm="rmdir", exe="/usr/bin/rmdir")
filecall(83, "/etc/dir", parent=True, nametype="CREATE", mode="040755", comm="mkdir", exe="/usr/bin/mkdir")
filecall(76, "/etc/hosts", comm="truncate", exe="/usr/bin/truncate")   # truncate
filecall(85, "/etc/new", parent=True, nametype="CREATE")   # creat
filecall(86, "/etc/link", parent=True, nametype="CREATE", comm="ln", exe="/usr/bin/ln")   # link
filecall(88, "/etc/sym", parent=True, nametype="CREATE", comm="ln", exe="/usr/bin/ln")   # symlink
filecall(188, "/etc/hosts", comm="setfattr", exe="/usr/bin/setfattr")  # setxattr
filecall(197, "/etc/hosts", comm="setfattr", exe="/usr/bin/setfattr")  # removexattr
filecall(133, "/dev/x", parent=True, nametype="CREATE", comm="mknod", exe="/usr/bin/mknod")
filecall(132, "/etc/hosts", comm="touch", exe="/usr/bin/touch")   # utime
filecall(280, "/etc/hosts", comm="touch", exe="/usr/bin/touch")   # utimensat
filecall(21, "/etc/hosts")     # access
filecall(4, "/etc/hosts")      # stat
filecall(89, "/etc/hosts")     # readlink
filecall(80, "/etc")           # chdir
filecall(161, "/srv/jail", comm="chroot", exe="/usr/sbin/chroot")
filecall(167, "/swapfile", comm="swapon", exe="/usr/sbin/swapon")
filecall(163, "/var/acct", comm="accton", exe="/usr/sbin/accton")
filecall(9, "/etc/hosts")      # mmap
filecall(2, "/etc/hosts", a=("7ffd0", "0", "0", "0"), key="watch-hosts")  # with key
# rename: four PATH records
syscall(82, items=4, comm="mv", exe="/usr/bin/mv", extra=[CWD,
    path(0, "/etc/", 100, "040755", "PARENT"), path(1, "/etc/", 100, "040755", "PARENT"),
    path(2, "/etc/a", 4242, "0100644", "DELETE"), path(3, "/etc/b", 4243, "0100644", "CREATE")])
syscall(316, items=4, comm="mv", exe="/usr/bin/mv", extra=[CWD,
    path(0, "/etc/", 100, "040755", "PARENT"), path(1, "/etc/", 100, "040755", "PARENT"),
    path(2, "/etc/a", 4242, "0100644", "DELETE"), path(3, "/etc/b", 4243, "0100644", "CREATE")])
# hex-encoded path name
syscall(2, items=1, extra=[CWD, ("PATH", "item=0 name=2F746D702F6120622063 inode=9 dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0")])
# no PATH at all
syscall(2, items=0, extra=[CWD])
# mount / umount
syscall(165, items=2, comm="mount", exe="/usr/bin/mount", a=("55d0", "55e0", "55f0", "0"),
        extra=[CWD, path(0, "/dev/sdb1", 300, "060660"), path(1, "/mnt", 301, "040755")])
syscall(166, items=1, comm="umount", exe="/usr/bin/umount", extra=[CWD, path(0, "/mnt", 301, "040755")])
# execve
syscall(59, items=2, comm="true", exe="/usr/bin/true", extra=[
    ("EXECVE", 'argc=2 a0="/usr/bin/true" a1="x"'), CWD,
    path(0, "/usr/bin/true", 500, "0100755"), path(1, "/lib64/ld-linux-x86-64.so.2", 501, "0100755")])
syscall(59, ok=False, exit_=-2, items=1, comm="bash", exe="/usr/bin/bash", extra=[
    CWD, path(0, "/nonexistent", 0, "0")])
# sockets
syscall(42, exit_=0, comm="curl", exe="/usr/bin/curl", extra=[("SOCKADDR", "saddr=020000357F000001")])
syscall(42, ok=False, exit_=-111, comm="curl", exe="/usr/bin/curl", extra=[("SOCKADDR", "saddr=0A000035000000000000000000000000000000000000000100000000")])
syscall(49, comm="nc", exe="/usr/bin/nc", extra=[("SOCKADDR", "saddr=020004D2000000000000000000000000")])
syscall(43, exit_=4, comm="sshd", exe="/usr/sbin/sshd", extra=[("SOCKADDR", "saddr=02009C4C0A000001")])
syscall(288, exit_=4, comm="sshd", exe="/usr/sbin/sshd", extra=[("SOCKADDR", "saddr=02009C4C0A000001")])
syscall(44, exit_=60, comm="auditd", exe="/usr/sbin/auditd", extra=[("SOCKADDR", "saddr=100000000000000000000000")])
syscall(45, exit_=60, comm="x", exe="/usr/bin/x", extra=[("SOCKADDR", "saddr=01002F72756E2F782E736F636B00")])
syscall(46, exit_=60, comm="x", exe="/usr/bin/x")   # sendmsg, no sockaddr
syscall(41, exit_=3, a=("2", "1", "0", "0"), comm="x", exe="/usr/bin/x")   # socket
syscall(50, comm="nc", exe="/usr/bin/nc")   # listen
# processes
syscall(62, a=("4d2", "9", "0", "0"), comm="kill", exe="/usr/bin/kill", extra=[("OBJ_PID", "opid=1234 oauid=54321 ouid=54321 oses=3 ocomm=\"sleep\"")])
syscall(62, ok=False, exit_=-3, a=("4d2", "f", "0", "0"), comm="kill", exe="/usr/bin/kill")
syscall(200, a=("4d2", "9", "0", "0"), comm="x", exe="/usr/bin/x", extra=[("OBJ_PID", "opid=1234 oauid=54321 ouid=54321 oses=3 ocomm=\"sleep\"")])
syscall(101, a=("10", "4d2", "0", "0"), comm="gdb", exe="/usr/bin/gdb", extra=[("OBJ_PID", "opid=1234 oauid=54321 ouid=54321 oses=3 ocomm=\"sleep\"")])
syscall(56, exit_=1235, comm="bash", exe="/usr/bin/bash")   # clone
syscall(57, exit_=1235, comm="bash", exe="/usr/bin/bash")   # fork
# identity
syscall(105, a=("fffe", "0", "0", "0"), comm="su", exe="/usr/bin/su")   # setuid
syscall(117, a=("fffe", "fffe", "fffe", "0"), comm="su", exe="/usr/bin/su")   # setresuid
syscall(106, a=("fffe", "0", "0", "0"), comm="su", exe="/usr/bin/su")   # setgid
syscall(116, comm="su", exe="/usr/bin/su")   # setgroups
syscall(113, a=("1", "1", "0", "0"), comm="su", exe="/usr/bin/su")   # setreuid
syscall(126, comm="x", exe="/usr/bin/x")   # capset
# modules
syscall(175, comm="insmod", exe="/usr/bin/kmod", extra=[("KERN_MODULE", 'name="dummy"')])
syscall(313, comm="modprobe", exe="/usr/bin/kmod", extra=[("KERN_MODULE", 'name="dummy"')])
syscall(176, a=("55d0", "800", "0", "0"), comm="rmmod", exe="/usr/bin/kmod", extra=[("KERN_MODULE", 'name="dummy"')])
# time, system
syscall(227, comm="date", exe="/usr/bin/date")   # clock_settime
syscall(164, comm="date", exe="/usr/bin/date")   # settimeofday
syscall(159, comm="chronyd", exe="/usr/sbin/chronyd", extra=[("TIME_ADJNTPVAL", "op=offset old=0 new=1")])
syscall(170, comm="hostname", exe="/usr/bin/hostname")
syscall(169, comm="reboot", exe="/usr/sbin/reboot")
syscall(246, comm="kexec", exe="/usr/sbin/kexec")
syscall(16, a=("3", "5401", "0", "0"), comm="x", exe="/usr/bin/x")   # ioctl
syscall(321, comm="bpftool", exe="/usr/bin/bpftool", extra=[("BPF", "prog-id=12 op=LOAD")])
syscall(272, comm="unshare", exe="/usr/bin/unshare")
syscall(308, comm="nsenter", exe="/usr/bin/nsenter")
syscall(10, comm="x", exe="/usr/bin/x")   # mprotect
syscall(319, comm="x", exe="/usr/bin/x")  # memfd_create
syscall(160, comm="x", exe="/usr/bin/x")  # setrlimit
syscall(144, comm="x", exe="/usr/bin/x")  # sched_setscheduler
syscall(173, comm="x", exe="/usr/bin/x")  # ioperm
syscall(179, comm="quotaon", exe="/usr/sbin/quotaon")  # quotactl
syscall(29, comm="x", exe="/usr/bin/x")  # shmget
syscall(69, comm="x", exe="/usr/bin/x")  # msgsnd
syscall(39, comm="x", exe="/usr/bin/x")  # getpid
syscall(99999, comm="x", exe="/usr/bin/x")  # unknown syscall
# variants of subject
syscall(2, items=1, auid=4294967295, uid=0, ses=4294967295, extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, auid=54321, uid=54321, euid=54321, extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, auid=0, uid=54321, euid=0, extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, auid=54321, uid=54321, euid=54321, extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, auid=54321, uid=0, euid=0, subj="unconfined_u:unconfined_r:unconfined_t:s0",
        extra=[CWD, path(0, "/etc/passwd", obj="system_u:object_r:passwd_file_t:s0")])
syscall(2, items=1, comm="a b", exe="2F746D702F782079", extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, arch="40000003", extra=[CWD, path(0, "/etc/passwd")])   # i386 open
syscall(5, items=1, arch="40000003", extra=[CWD, path(0, "/etc/passwd")])   # i386 open is 5
syscall(102, arch="40000003", a=("3", "ff", "0", "0"), comm="x", exe="/usr/bin/x", extra=[("SOCKADDR", "saddr=020000357F000001")])  # socketcall connect

syscall(2, items=1, auid=65534, uid=65534, euid=65534, extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, auid=1, uid=1, euid=1, extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, auid=4294967295, uid=4294967295, euid=0, extra=[CWD, path(0, "/etc/passwd")])
user("USER_LOGIN", 'op=login acct="root" exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=success')
user("USER_LOGIN", 'op=login id=1 exe="/usr/sbin/login" hostname=? addr=? terminal=tty1 res=success')

# -- CONFIG_CHANGE and audit control
emit([("CONFIG_CHANGE", 'auid=54321 ses=3 op=add_rule key="k1" list=4 res=1'),
      ("SYSCALL", "arch=c000003e syscall=44 success=yes exit=1080 a0=5 a1=7ffcd55867d0 a2=438 a3=0 items=0 ppid=657 pid=778 auid=54321 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"auditctl\" exe=\"/usr/sbin/auditctl\" key=(null)")])
emit([("CONFIG_CHANGE", 'auid=54321 ses=3 op=remove_rule key=(null) list=4 res=1')])
emit([("CONFIG_CHANGE", 'op=set audit_enabled=1 old=1 auid=54321 ses=3 res=1')])
emit([("CONFIG_CHANGE", 'op=set audit_backlog_limit=8192 old=64 auid=54321 ses=3 subj=unconfined res=0')])
emit([("CONFIG_CHANGE", 'audit_pid=740 old=0 auid=4294967295 ses=4294967295 res=1')])
emit([("CONFIG_CHANGE", 'op=updated_rules path="/etc/hosts" key="watch" list=4 res=1')])
emit([("CONFIG_CHANGE", 'auid=54321 ses=3 op=remove_rule dir="/etc" key=(null) list=4 res=1')])
emit([("CONFIG_CHANGE", 'audit_failure=1 old=1 auid=54321 ses=3 res=1')])
emit([("DAEMON_START", 'op=start ver=3.0.9 format=raw kernel=6.18.44 auid=4294967295 pid=740 uid=0 ses=4294967295 res=success')])
emit([("DAEMON_END", 'op=terminate auid=0 uid=0 ses=4294967295 pid=657 res=success')])
emit([("DAEMON_ABORT", 'op=abort auid=4294967295 pid=740 uid=0 ses=4294967295 res=failed')])
emit([("DAEMON_CONFIG", 'op=reconfigure state=changed auid=0 pid=1 subj=x res=success')])
emit([("DAEMON_ROTATE", 'op=rotate-logs auid=0 pid=1 subj=x res=success')])
emit([("DAEMON_RESUME", 'op=resume-logging auid=0 pid=1 subj=x res=success')])
emit([("DAEMON_ACCEPT", 'addr=10.0.0.2 port=60 res=success')])
emit([("DAEMON_CLOSE", 'addr=10.0.0.2 port=60 res=success')])
emit([("DAEMON_ERR", 'op=dispatch-err auid=4294967295 pid=740 uid=0 ses=4294967295 res=failed')])

user("USER_LOGIN", 'op=login id=54321 exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=success')
user("USER_LOGIN", 'op=login acct="nosuch" exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=failed')
user("USER_LOGOUT", 'op=login id=54321 exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=success')
user("USER_AUTH", 'op=PAM:authentication grantors=pam_unix acct="root" exe="/usr/bin/su" hostname=? addr=? terminal=pts/0 res=success')
user("USER_AUTH", 'op=PAM:authentication grantors=? acct="daemon" exe="/usr/bin/su" hostname=? addr=? terminal=pts/0 res=failed')
user("USER_AUTH", 'op=pubkey acct="root" exe="/usr/sbin/sshd" hostname=? addr=10.0.0.1 terminal=ssh res=success')
user("USER_ACCT", 'op=PAM:accounting grantors=pam_unix acct="root" exe="/usr/sbin/cron" hostname=? addr=? terminal=cron res=success')
user("USER_START", 'op=PAM:session_open grantors=pam_unix acct="root" exe="/usr/sbin/cron" hostname=? addr=? terminal=cron res=success')
user("USER_END", 'op=PAM:session_close grantors=pam_unix acct="root" exe="/usr/sbin/cron" hostname=? addr=? terminal=cron res=success')
user("CRED_ACQ", 'op=PAM:setcred grantors=pam_unix acct="root" exe="/usr/sbin/cron" hostname=? addr=? terminal=cron res=success')
user("CRED_DISP", 'op=PAM:setcred grantors=pam_unix acct="root" exe="/usr/sbin/cron" hostname=? addr=? terminal=cron res=success')
user("CRED_REFR", 'op=PAM:setcred grantors=pam_unix acct="root" exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=success')
user("USER_CMD", 'cwd="/root" cmd=6C73202F726F6F74 exe="/usr/bin/sudo" terminal=pts/0 res=success')
user("USER_CHAUTHTOK", 'op=PAM:chauthtok grantors=pam_unix acct="alice" exe="/usr/bin/passwd" hostname=? addr=? terminal=pts/0 res=success')
user("USER_CHAUTHTOK", 'op=change password id=54321 exe="/usr/bin/passwd" hostname=? addr=? terminal=pts/0 res=success')
user("USER_ERR", 'op=PAM:bad_ident grantors=? acct="?" exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=failed')
user("USER_ROLE_CHANGE", 'op=role-change id=0 exe="/usr/bin/newrole" hostname=? addr=? terminal=pts/0 res=success')
user("USER_MGMT", 'op=adding-user id=1001 exe="/usr/sbin/useradd" hostname=? addr=? terminal=pts/0 res=success')
user("ADD_USER", 'op=adding-user id=1001 exe="/usr/sbin/useradd" hostname=? addr=? terminal=pts/0 res=success')
user("ADD_USER", 'op=adding-user acct="bob" exe="/usr/sbin/useradd" hostname=? addr=? terminal=pts/0 res=success')
user("DEL_USER", 'op=deleting-user id=1001 exe="/usr/sbin/userdel" hostname=? addr=? terminal=pts/0 res=success')
user("ADD_GROUP", 'op=adding-group id=1001 exe="/usr/sbin/groupadd" hostname=? addr=? terminal=pts/0 res=success')
user("DEL_GROUP", 'op=deleting-group id=1001 exe="/usr/sbin/groupdel" hostname=? addr=? terminal=pts/0 res=success')
user("GRP_MGMT", 'op=changing-group id=1001 exe="/usr/sbin/groupmod" hostname=? addr=? terminal=pts/0 res=success')
user("GRP_CHAUTHTOK", 'op=changing-group-passwd id=1001 exe="/usr/bin/gpasswd" hostname=? addr=? terminal=pts/0 res=success')
user("USER_MAC_POLICY_LOAD", 'op=load-policy exe="/usr/sbin/load_policy" hostname=? addr=? terminal=? res=success')
user("USER", 'text=hello exe="/usr/bin/logger" hostname=? addr=? terminal=pts/0 res=success')
user("USER_TTY", 'data=6C730D exe="/usr/bin/bash" hostname=? addr=? terminal=pts/0 res=success')
user("USER_DEVICE", 'device=/dev/sdb op=add exe="/usr/sbin/usbguard" hostname=? addr=? terminal=? res=success')
user("USER_AVC", 'avc:  denied  { connect } for auid=0 uid=0 gid=0 path="/run/x" scontext=system_u:system_r:init_t:s0 tcontext=system_u:system_r:x_t:s0 tclass=service exe="/usr/lib/systemd/systemd" sauid=0 hostname=? addr=? terminal=?')
user("USER_SELINUX_ERR", 'op=security_compute_av reason=verification scontext=a tcontext=b tclass=c exe="/usr/bin/x"')
user("SYSTEM_BOOT", ' comm="systemd-update-utmp" exe="/usr/lib/systemd/systemd-update-utmp" hostname=? addr=? terminal=? res=success')
user("SYSTEM_SHUTDOWN", ' comm="systemd-update-utmp" exe="/usr/lib/systemd/systemd-update-utmp" hostname=? addr=? terminal=? res=success')
user("SYSTEM_RUNLEVEL", 'old-level=N new-level=5 comm="systemd-update-utmp" exe="/usr/lib/systemd/systemd-update-utmp" hostname=? addr=? terminal=? res=success')
user("SERVICE_START", 'unit=cron comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success')
user("SERVICE_STOP", 'unit=cron comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=failed')
user("SOFTWARE_UPDATE", 'op=install sw="pkg-1.0" sw_type=deb key_enforce=0 gpg_res=1 root_dir="/" comm="dpkg" exe="/usr/bin/dpkg" hostname=? addr=? terminal=? res=success')
user("ANOM_LOGIN_FAILURES", 'pam_faillock uid=54321 exe="/usr/sbin/sshd" hostname=? addr=? terminal=ssh res=success')
user("RESP_ACCT_LOCK", 'pam_faillock uid=54321 exe="/usr/sbin/sshd" hostname=? addr=? terminal=ssh res=success')
user("VIRT_CONTROL", 'virt=kvm op=start reason=booted vm="vm1" uuid=aaaa vm-pid=99 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success')
user("VIRT_RESOURCE", 'virt=kvm resrc=disk reason=start vm="vm1" uuid=aaaa old-disk="?" new-disk="/var/lib/vm1.img" exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success')
user("VIRT_MACHINE_ID", 'virt=kvm vm="vm1" uuid=aaaa vm-ctx=a img-ctx=b model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success')
user("CRYPTO_KEY_USER", 'op=destroy kind=server fp=SHA256:aa direction=? spid=9 suid=0 exe="/usr/sbin/sshd" hostname=? addr=? terminal=? res=success')
user("CRYPTO_SESSION", 'op=start direction=from-server cipher=aes mac=hmac pfs=curve spid=9 suid=0 rport=22 laddr=10.0.0.2 lport=22 exe="/usr/sbin/sshd" hostname=? addr=10.0.0.1 terminal=? res=success')
user("USER_LABELED_EXPORT", 'op=export exe="/usr/bin/x" res=success')
user("TRUSTED_APP", 'op=test exe="/usr/bin/x" res=success')
user("ROLLBACK", 'op=x exe="/usr/bin/x" res=success')

# -- kernel messages
emit([("AVC", 'avc:  denied  { read } for  pid=740 comm="cat" name="shadow" dev="dm-0" ino=55 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0'),
      ("SYSCALL", "arch=c000003e syscall=2 success=no exit=-13 a0=7ffd a1=0 a2=0 a3=0 items=1 ppid=657 pid=740 auid=54321 uid=48 gid=48 euid=48 suid=48 fsuid=48 egid=48 sgid=48 fsgid=48 tty=(none) ses=3 comm=\"cat\" exe=\"/usr/bin/cat\" subj=system_u:system_r:httpd_t:s0 key=(null)"),
      CWD, path(0, "/etc/shadow")])
emit([("AVC", 'avc:  granted  { setenforce } for  pid=740 comm="setenforce" scontext=a tcontext=b tclass=security')])
emit([("AVC", 'avc:  denied  { name_connect } for  pid=740 comm="curl" dest=80 scontext=a tcontext=b tclass=tcp_socket permissive=1')])
emit([("AVC", 'apparmor="DENIED" operation="open" profile="/usr/sbin/cupsd" name="/etc/shadow" pid=740 comm="cupsd" requested_mask="r" denied_mask="r" fsuid=0 ouid=0')])
emit([("SELINUX_ERR", 'op=security_compute_sid invalid_context="a" scontext=a tcontext=b tclass=process')])
emit([("MAC_POLICY_LOAD", 'auid=54321 ses=3 lsm=selinux res=1')])
emit([("MAC_STATUS", 'enforcing=1 old_enforcing=0 auid=54321 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1')])
emit([("MAC_CONFIG_CHANGE", 'bool=httpd_can_network_connect val=1 old_val=0 auid=54321 ses=3')])
emit([("MAC_UNLBL_ALLOW", 'auid=54321 ses=3 unlbl_accept=1 old=0')])
emit([("ANOM_ABEND", 'auid=54321 uid=54321 gid=54321 ses=3 pid=740 comm="crashy" exe="/usr/bin/crashy" sig=11 res=1')])
emit([("ANOM_PROMISCUOUS", 'dev=eth0 prom=256 old_prom=0 auid=54321 uid=0 gid=0 ses=3'),
      ("SYSCALL", "arch=c000003e syscall=54 success=yes exit=0 a0=3 a1=107 a2=1 a3=7ffd items=0 ppid=657 pid=740 auid=54321 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"tcpdump\" exe=\"/usr/bin/tcpdump\" key=(null)")])
emit([("ANOM_LINK", 'op=linkat ppid=1 pid=740 auid=54321 uid=54321 gid=54321 euid=54321 suid=54321 fsuid=54321 egid=54321 sgid=54321 fsgid=54321 tty=pts0 ses=3 comm="ln" exe="/usr/bin/ln" res=0'),
      ("SYSCALL", "arch=c000003e syscall=265 success=no exit=-1 a0=ffffff9c a1=7ffd a2=ffffff9c a3=7ffe items=1 ppid=657 pid=740 auid=54321 uid=54321 gid=54321 euid=54321 suid=54321 fsuid=54321 egid=54321 sgid=54321 fsgid=54321 tty=pts0 ses=3 comm=\"ln\" exe=\"/usr/bin/ln\" key=(null)"),
      CWD, path(0, "/tmp/target", ouid=0)])
emit([("ANOM_CREAT", 'op=fifo ppid=1 pid=740 auid=54321 uid=54321 gid=54321 ses=3 comm="x" exe="/usr/bin/x" res=0')])
emit([("ANOM_EXEC", 'op=x auid=54321 uid=54321 ses=3 comm="x" exe="/usr/bin/x" res=0')])
emit([("ANOM_MK_EXEC", 'op=x auid=54321 uid=54321 ses=3 comm="x" exe="/usr/bin/x" res=0')])
emit([("SECCOMP", 'auid=54321 uid=54321 gid=54321 ses=3 subj=unconfined pid=740 comm="chrome" exe="/opt/chrome" sig=0 arch=c000003e syscall=2 compat=0 ip=0x7f code=0x50000')])
emit([("NETFILTER_CFG", 'table=filter family=2 entries=4 op=xt_replace pid=740 subj=unconfined comm="iptables"'),
      ("SYSCALL", "arch=c000003e syscall=54 success=yes exit=0 a0=4 a1=0 a2=40 a3=55 items=0 ppid=657 pid=740 auid=54321 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"iptables\" exe=\"/usr/sbin/xtables-nft-multi\" key=(null)")])
emit([("NETFILTER_PKT", 'mark=0x0 saddr=10.0.0.1 daddr=10.0.0.2 proto=6 sport=5555 dport=22')])
emit([("TTY", 'tty pid=740 uid=0 auid=54321 ses=3 major=136 minor=0 comm="bash" data=6C730D')])
emit([("KERNEL", 'state=initialized audit_enabled=1 res=1')])
emit([("FEATURE_CHANGE", 'feature=loginuid_immutable old=0 new=1 old_lock=0 new_lock=0 res=1')])
emit([("LOGIN", 'pid=740 uid=0 subj=x old-auid=4294967295 auid=54321 tty=(none) old-ses=4294967295 ses=3 res=1')])
emit([("INTEGRITY_DATA", 'pid=740 uid=0 auid=54321 ses=3 op=invalid-pcr cause=open_writers comm="x" name="/etc/x" dev="dm-0" ino=5 res=1')])
emit([("INTEGRITY_RULE", 'file="/usr/bin/x" hash="sha256:aa" ppid=1 pid=740 auid=54321 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm="x" exe="/usr/bin/x"')])
emit([("KERN_MODULE", 'name="dummy"')])
emit([("BPF", 'prog-id=12 op=LOAD')])
emit([("UNKNOWN[1199]", "pid=802 uid=0 auid=54321 ses=3 msg='op=unknown-type uid=1 res=success'")])
emit([("UNKNOWN[2999]", "pid=802 uid=0 auid=54321 ses=3 msg='op=unknown-type2 uid=1 res=success'")])
emit([("CWD", 'cwd="/root"')])
emit([("PATH", 'item=0 name="/etc/x" inode=9 dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL')])
emit([("PROCTITLE", 'proctitle=636174')])
emit([("USER_LOGIN", "pid=802 uid=0 auid=54321 ses=3 msg='op=login id=54321 exe=\"/usr/sbin/sshd\" hostname=h addr=10.0.0.1 terminal=ssh res=success'")], node=False)
syscall(2, items=1, extra=[CWD, path(0, "/etc/passwd")], key="k\x01x" if False else "filekey")

# -- round 2: variants met in real logs
emit([("SYSCALL", "arch=c000003e syscall=44 success=yes exit=1080 a0=5 a1=7ffc a2=438 a3=0 items=0 ppid=657 pid=778 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=2 comm=\"auditctl\" exe=\"/usr/sbin/auditctl\" key=(null)"),
      ("CONFIG_CHANGE", 'auid=0 ses=2 op=remove_rule key="k2" list=4 res=1'),
      ("PROCTITLE", "proctitle=617564697463746C"), ("EOE", "")])
emit([("CONFIG_CHANGE", 'auid=0 ses=2 op=add_rule key="k3" list=4 res=1')])
emit([("CONFIG_CHANGE", 'auid=0 ses=2 op=add_rule key=(null) list=4 res=0')])
emit([("CONFIG_CHANGE", 'op=set audit_backlog_wait_time=60000 old=15000 auid=0 ses=2 subj=unconfined res=1')])
emit([("CONFIG_CHANGE", 'op=remove_rule dir="/etc/x" key="w" list=4 res=1 auid=0 ses=2')])
syscall(99999, key="mykey", comm="x", exe="/usr/bin/x")
syscall(0, key="readkey", comm="x", exe="/usr/bin/x")
syscall(257, ok=False, exit_=-2, items=0, extra=[CWD], key="open-fail")
syscall(56, arch="c00000b7", items=1, extra=[CWD, path(0, "/etc/passwd")])   # aarch64 openat
syscall(90, ok=False, exit_=-1, items=1, comm="chmod", exe="/usr/bin/chmod", a=("7ffd", "1ed", "0", "0"), extra=[CWD, path(0, "/etc/hosts")])
syscall(91, items=0, comm="chmod", exe="/usr/bin/chmod", a=("3", "1a4", "0", "0"))   # fchmod
syscall(92, items=1, comm="chown", exe="/usr/bin/chown", a=("7ffd", "fffe", "fffe", "0"), extra=[CWD, path(0, "/etc/hosts")])
syscall(86, items=3, comm="ln", exe="/usr/bin/ln", extra=[CWD, path(0, "/etc/hosts"), path(1, "/etc/", 100, "040755", "PARENT"), path(2, "/etc/hl", 4242, "0100644", "CREATE")])
syscall(165, ok=False, exit_=-1, items=1, comm="mount", exe="/usr/bin/mount", extra=[CWD, path(0, "/mnt", 301, "040755")])
syscall(59, ok=False, exit_=-13, items=2, comm="sh", exe="/usr/bin/dash", extra=[
    ("EXECVE", 'argc=1 a0="/tmp/x"'), CWD, path(0, "/tmp/x", 77, "0100644"), path(1, "/lib64/ld-linux-x86-64.so.2", 501, "0100755")])
syscall(59, items=2, comm="python3", exe="/usr/bin/python3.11", extra=[
    ("EXECVE", 'argc=2 a0="python3" a1="s.py"'), CWD, path(0, "/usr/bin/python3", 78, "0100755"), path(1, "/lib64/ld-linux-x86-64.so.2", 501, "0100755")])
syscall(42, comm="curl", exe="/usr/bin/curl", extra=[("SOCKADDR", "saddr=02000050C0A800010000000000000000")])
syscall(42, comm="x", exe="/usr/bin/x", extra=[("SOCKADDR", "saddr=0100006162737472616374")])
syscall(2, items=1, comm="x", exe="2F746D702F782079", extra=[CWD, path(0, "/etc/passwd")])
syscall(2, items=1, comm="x", exe="/usr/bin/x", extra=[CWD, path(0, "/dev/null", 5, "020666")], eoe=True)
syscall(2, items=1, comm="x", exe="/usr/bin/x", extra=[CWD, path(0, "/run/fifo", 6, "010644")])
syscall(2, items=1, comm="x", exe="/usr/bin/x", extra=[CWD, path(0, "/run/sock", 7, "0140755")])
syscall(2, items=1, comm="x", exe="/usr/bin/x", extra=[CWD, path(0, "/dev/sda", 8, "060660")])
syscall(2, items=1, comm="x", exe="/usr/bin/x", extra=[CWD, path(0, "/etc/lnk", 9, "0120777")])
syscall(101, a=("4206", "4d2", "0", "0"), comm="strace", exe="/usr/bin/strace")
syscall(62, a=("0", "f", "0", "0"), comm="kill", exe="/usr/bin/kill")
user("USER_LOGIN", 'op=login id=54321 exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=/dev/pts/1 res=failed')
user("USER_LOGIN", 'op=login acct=726F6F74 exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=failed')
user("USER_AUTH", 'op=PAM:authentication grantors=? acct=726F6F74 exe="/usr/bin/su" hostname=? addr=? terminal=pts/0 res=failed')
user("USER_START", 'op=PAM:session_open grantors=pam_unix acct="root" exe="/usr/sbin/sshd" hostname=10.0.0.1 addr=10.0.0.1 terminal=? res=success')
user("USER_CMD", 'cwd="/root" cmd="ls" exe="/usr/bin/sudo" terminal=pts/0 res=failed')
user("USER_ACCT", 'op=PAM:accounting grantors=? acct="nosuch" exe="/usr/sbin/sshd" hostname=1.2.3.4 addr=1.2.3.4 terminal=ssh res=failed')
emit([("USER_LOGIN", "pid=802 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct=\"(unknown)\" exe=\"/usr/sbin/sshd\" hostname=? addr=1.2.3.4 terminal=sshd res=failed'")])
emit([("USER_ACCT", "pid=802 uid=0 auid=4294967295 ses=4294967295 subj=x msg='op=PAM:accounting grantors=pam_permit acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success'")])
emit([("ANOM_ABEND", 'auid=54321 uid=54321 gid=54321 ses=3 pid=740 comm="rt" exe="/usr/bin/rt" sig=40 res=1')])
emit([("ANOM_ABEND", 'auid=54321 uid=54321 gid=54321 ses=3 pid=740 comm="py" exe="/usr/bin/python3.11" sig=6 res=1')])
emit([("AVC", 'avc:  denied  { write } for  pid=740 comm="x" name="f" scontext=a tcontext=b tclass=file permissive=0'),
      ("SYSCALL", "arch=c000003e syscall=2 success=yes exit=3 a0=7ffd a1=0 a2=0 a3=0 items=0 ppid=657 pid=740 auid=54321 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=3 comm=\"x\" exe=\"/usr/bin/x\" subj=a key=(null)")])

# -- round 3: keys and odd values
for body in ("key=6B31016B32", 'key="k1"'):
    for nr in (2, 999):
        emit([("SYSCALL", "arch=c000003e syscall=%d success=yes exit=0 a0=3 a1=0 a2=0 a3=0 items=0 ppid=657 pid=740 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=636F6D6D exe=(null) %s" % (nr, body))])

sys.stdout.write("\n".join(out) + "\n")
