#!/bin/sh
# capture.sh: record what the reference auditd (3.0.9) writes to its log, so
# that auditkit's record formatting (src/auditd/format.c) can be compared
# byte for byte with it (tests/unit/test_auditd_format.c).
#
# Holding the kernel test lock, it saves the kernel's audit status and rules,
# runs the reference daemon twice in the foreground with a private
# configuration (log_format ENRICHED, then RAW with name_format = user),
# loads rules that make many kinds of records from harmless syscalls on files
# under a temporary directory, runs the generators (gen.pl), stops the
# daemon with SIGTERM, deletes the rules and puts the saved state back.
#
# Output (in this directory): enriched.log and raw-node.log, the two logs
# as the daemon wrote them; then, without the lock, cases.enriched: what the
# reference's libauparse (oracle.c, which reproduces enriched.log exactly)
# makes of the hand-written lines in cases.raw. Only uids and gids that exist on every Debian
# system are used (0/root, 1/daemon, 65534/nobody/nogroup) plus 54321,
# which must not exist (it prints as unknown(54321)).
#
# Run as root: sh tests/data/auditd-format/capture.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
AUDITD=/usr/sbin/auditd
AUDITCTL=/usr/sbin/auditctl
LOCK=/tmp/auditkit-kernel-test.lock
[ "$(id -u)" = 0 ] || { echo "capture.sh: must run as root" >&2; exit 1; }
getent passwd 54321 >/dev/null && { echo "capture.sh: uid 54321 exists here" >&2; exit 1; }

T=$(mktemp -d /tmp/auditkit-fmt.XXXXXX)
chmod 0755 "$T"
mkdir "$T/plugins" "$T/conf" "$T/log"
: >"$T/f"
: >"$T/g"
chown 54321:54321 "$T/g"

# write_conf FORMAT EXTRA: the daemon's auditd.conf in $T/conf.
write_conf() {
	cat >"$T/conf/auditd.conf" <<CONF
local_events = yes
write_logs = yes
log_file = $T/log/audit.log
log_format = $1
flush = INCREMENTAL_ASYNC
freq = 1
num_logs = 2
max_log_file = 100
max_log_file_action = IGNORE
space_left = 2
space_left_action = IGNORE
admin_space_left = 1
admin_space_left_action = IGNORE
disk_full_action = IGNORE
disk_error_action = IGNORE
plugin_dir = $T/plugins
$2
CONF
	chown root:root "$T/conf/auditd.conf"
	chmod 0600 "$T/conf/auditd.conf"
}

# The rules: every one filtered on an executable, so nothing else on the
# machine is recorded.
add_rules() {
	$AUDITCTL -a always,exit -F arch=b64 -S chmod -F exe=/usr/bin/perl -k fmt-chmod
	$AUDITCTL -a always,exit -F arch=b64 -S connect -F exe=/usr/bin/perl -k fmt-net
	$AUDITCTL -a always,exit -F arch=b64 -S fchmodat -F exe=/usr/bin/chmod -F uid=daemon -k fmt-daemon
	$AUDITCTL -a always,exit -F arch=b64 -S fchmodat -F exe=/usr/bin/chmod -F uid=nobody -k fmt-nobody
	$AUDITCTL -a always,exit -F arch=b64 -S fchmodat -F exe=/usr/bin/chmod -F uid=54321 -k fmt-unknown
	$AUDITCTL -a always,exit -F arch=b64 -S fchmodat -F exe=/usr/bin/chmod -F uid=0 -k fmt-root
	$AUDITCTL -a always,exit -F arch=b64 -S execve -F exe=/usr/bin/true -k fmt-exec
	$AUDITCTL -a always,exit -F arch=b64 -S openat -F exe=/usr/bin/cat -F success=0 -k fmt-fail
}

generate() {
	perl "$HERE/gen.pl" "$T"
	chmod 0644 "$T/f"
	chmod 0644 "$T/g"
	setpriv --reuid=daemon --regid=daemon --clear-groups chmod 0600 "$T/f" 2>/dev/null
	setpriv --reuid=nobody --regid=nogroup --clear-groups chmod 0600 "$T/f" 2>/dev/null
	setpriv --reuid=54321 --regid=54321 --clear-groups chmod 0600 "$T/f" 2>/dev/null
	/usr/bin/true "an arg" 'q"uote' plain
	cat "$T/missing" 2>/dev/null
	$AUDITCTL -m "text=hello there"
}

# run_daemon: start the reference daemon, wait until it is registered,
# generate, stop it. Its log ends in $T/log/audit.log.
run_daemon() {
	rm -f "$T/log/audit.log"
	$AUDITD -n -c "$T/conf" &
	dpid=$!
	i=0
	while [ $i -lt 50 ]; do
		$AUDITCTL -s | grep -q "^pid $dpid\$" && break
		sleep 0.1; i=$((i + 1))
	done
	add_rules >/dev/null
	generate
	sleep 0.3
	$AUDITCTL -D >/dev/null
	kill -TERM $dpid
	wait $dpid
}

capture() {
	$AUDITCTL -s >"$T/saved.status"
	$AUDITCTL -l >"$T/saved.rules"
	if ! grep -q "^pid 0\$" "$T/saved.status"; then
		echo "capture.sh: another audit daemon is registered" >&2
		return 1
	fi
	enabled=$(sed -n 's/^enabled //p' "$T/saved.status")
	backlog=$(sed -n 's/^backlog_limit //p' "$T/saved.status")
	t0=$(date +%s%N)
	# A burst of records must not wait on the kernel's queue.
	$AUDITCTL -b 8192 >/dev/null
	write_conf ENRICHED ""
	run_daemon
	echo "first daemon done after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
	cp "$T/log/audit.log" "$T/enriched.log"
	write_conf RAW "name_format = user
name = fmt-node"
	run_daemon
	cp "$T/log/audit.log" "$T/raw-node.log"
	# Put back what we saw (the daemon enabled auditing).
	$AUDITCTL -D >/dev/null
	grep -q "^No rules" "$T/saved.rules" || $AUDITCTL -R "$T/saved.rules" >/dev/null
	$AUDITCTL -b "$backlog" >/dev/null
	[ "$enabled" = 2 ] || $AUDITCTL -e "$enabled" >/dev/null
	$AUDITCTL -s | grep "^pid "
	echo "lock held $(( ($(date +%s%N) - t0) / 1000000 )) ms"
}

export T HERE AUDITD AUDITCTL
( flock 9; capture ) 9>"$LOCK"
rc=$?
if [ $rc = 0 ]; then
	cp "$T/enriched.log" "$T/raw-node.log" "$HERE/"
	echo "wrote $HERE/enriched.log and $HERE/raw-node.log"
fi
if [ $rc = 0 ] && cc -o "$T/oracle" "$HERE/oracle.c" -l:libauparse.so.0 -l:libaudit.so.1; then
	cut -d "$(printf '\035')" -f1 "$HERE/enriched.log" | "$T/oracle" |
		cmp -s - "$HERE/enriched.log" || echo "capture.sh: oracle.c no longer matches the daemon" >&2
	"$T/oracle" <"$HERE/cases.raw" >"$HERE/cases.enriched"
	echo "wrote $HERE/cases.enriched"
fi
rm -rf "$T"
exit $rc
