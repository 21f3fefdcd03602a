#!/bin/sh
# workload.sh WORK ROUND: the activity capture.sh records, run as root with
# loginuid 1000 (capture.sh sets it) in WORK, a directory that the user
# nobody can enter. Each ROUND varies names a little. Every step is meant
# to hit one of capture.sh's rules: exec, opens of existing, missing and
# forbidden files, chmod/chown/rename/unlink/mkdir, sockets, signals, the
# watched file; plus user messages and login-like records.
W=$1
R=$2
HERE=$(cd "$(dirname "$0")" && pwd)
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
UMSG="perl $HERE/usermsg.pl"
export LC_ALL=C
# a short PATH: every directory searched is one more failed execve
export PATH=/usr/sbin:/usr/bin:/sbin:/bin

# exec of several programs (SYSCALL EXECVE CWD PATH PROCTITLE)
cd "$W" || exit 1
ls -l "$W" >/dev/null
id >/dev/null
uname -a >/dev/null
date +%s >/dev/null
/bin/echo "round $R" "with spaces" >/dev/null
sh -c 'true' arg1 "arg two"
grep -c root /etc/passwd >/dev/null

# opens: an existing watched file, missing files, forbidden ones
cat "$W/etc/app.conf" >/dev/null
cat "$W/etc/app.conf.$R" 2>/dev/null
cat /nonexistent/file.$R 2>/dev/null
$NOBODY cat "$W/secret" 2>/dev/null
$NOBODY touch "$W/etc/new.$R" 2>/dev/null
$NOBODY ls "$W/private" >/dev/null 2>&1

# attribute changes, renames, deletions, directories
echo "data $R" >"$W/data.$R"
chmod 640 "$W/data.$R"
chown 65534:65534 "$W/data.$R"
mv "$W/data.$R" "$W/data.$R.old"
mkdir "$W/dir.$R"
rmdir "$W/dir.$R"
rm -f "$W/data.$R.old"
echo "changed $R" >>"$W/etc/app.conf"
$NOBODY chmod 777 "$W/secret" 2>/dev/null

# sockets: bind and connect (inet, inet6, unix), a refused connect
perl -MSocket -e '
	my ($l, $c, $t, $r, $s6);
	my $u = "'"$W"'/sock.'"$R"'";
	socket($l, AF_UNIX, SOCK_STREAM, 0) and bind($l, pack_sockaddr_un($u)) and listen($l, 1);
	socket($c, AF_UNIX, SOCK_STREAM, 0) and connect($c, pack_sockaddr_un($u));
	unlink $u;
	socket($t, AF_INET, SOCK_STREAM, 0) and bind($t, pack_sockaddr_in(0, inet_aton("127.0.0.1")));
	socket($r, AF_INET, SOCK_STREAM, 0) and connect($r, pack_sockaddr_in(9, inet_aton("127.0.0.1")));
	socket($s6, AF_INET6, SOCK_DGRAM, 0) and connect($s6, pack_sockaddr_in6(53, Socket::inet_pton(AF_INET6, "::1")));
'

# signals
sleep 30 &
P=$!
kill -0 $P
kill -USR1 $P
wait $P 2>/dev/null
sh -c 'kill -SEGV $$' 2>/dev/null	# ANOM_ABEND

# user messages and login-like records (as PAM and sshd send them)
auditctl_m() { /usr/sbin/auditctl -m "$1" >/dev/null 2>&1; }
auditctl_m "backup started round $R"
H=10.0.$R.5
$UMSG 1100 "op=PAM:authentication grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=ssh res=success"
$UMSG 1101 "op=PAM:accounting grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=ssh res=success"
$UMSG 1103 "op=PAM:setcred grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=ssh res=success"
$UMSG 1112 "op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=/dev/pts/$R res=success"
$UMSG 1105 "op=PAM:session_open grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=ssh res=success"
$UMSG 1100 "op=PAM:authentication grantors=? acct=\"mallory\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.$R addr=203.0.113.$R terminal=ssh res=failed"
$UMSG 1112 "op=login acct=\"mallory\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.$R addr=203.0.113.$R terminal=sshd res=failed"
$UMSG 1123 "cwd=\"/home/alice\" cmd=73797374656D63746C20726573746172742061706163686532 exe=\"/usr/bin/sudo\" terminal=pts/$R res=success"
$UMSG 1106 "op=PAM:session_close grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=ssh res=success"
$UMSG 1104 "op=PAM:setcred grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=ssh res=success"
$UMSG 1113 "op=logout id=1000 exe=\"/usr/sbin/sshd\" hostname=$H addr=$H terminal=/dev/pts/$R res=success"
# real PAM records: runuser as root (pam_rootok, pam_unix session)
runuser -u nobody -- true
exit 0
