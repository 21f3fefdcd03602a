#!/bin/sh
# audoctor reads the live kernel log: with no daemon, a rate limit of 5
# and a burst of chmod(2) events on a watched path, the kernel prints
# "audit: rate limit exceeded" and "audit_lost=N audit_rate_limit=5 ..."
# (at most once a second, more hidden by printk's own limit), and
# kernel-log-overflow's counts rise over a run before the burst. The log
# already holds older messages, so only the rise is asserted.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/audoctor_lib.sh"
kernel_begin
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"
command -v perl >/dev/null || skip_all "perl is needed for the load generator"
_dp=$(daemon_registered)
if [ "${_dp:-0}" != 0 ] && kill -0 "$_dp" 2>/dev/null; then
	skip_all "an audit daemon (pid $_dp) is registered; this test needs none"
fi

target=$TMP/target
: >"$target"
conf=$TMP/conf
mkdir -p "$conf"
ev() { doctor_evidence kernel-log-overflow "$1" 2>/dev/null || echo 0; }
# seen: rate limit lines plus audit_lost lines in the whole kernel log.
seen() { echo $(($(ev rate_limit_exceeded) + $(ev lost_reports))); }
generate() { perl -e 'chmod 0600, $ARGV[0] for 1..$ARGV[1]' "$target" "$1"; }

doctor --watch 0 -c "$conf"
if [ -n "$(doctor_skipped 'kernel log')" ]; then
	skip_all "the kernel log is unreadable: $(doctor_skipped 'kernel log')"
fi
before=$(seen)

kref -D >/dev/null 2>&1
kref -b 8192 -r 5 --backlog_wait_time 0 >/dev/null
kref -a always,exit -F arch=b64 -S chmod -F path="$target" -k auditkit_kmsg >/dev/null
kref -e 1 >/dev/null
# printk's rate limit (10 lines per 5 s, shared with the records kauditd
# prints for want of a daemon) may be spent by the setup's own records.
sleep 5.5
start=$(awk '{ print $1 }' /proc/uptime)
# The kernel reports a rate-limit loss at most once a second: 4 rounds.
for round in 1 2 3 4; do
	generate 300
	sleep 1.1
done
kref -e 0 >/dev/null

doctor --watch 0 -c "$conf"
after=$(seen)
check_finding "after the burst: kernel-log-overflow, warning (seconds old)" kernel-log-overflow warning
check "rate limit and audit_lost lines rose: $before before, $after after" [ "$after" -gt "$before" ]
check "the last audit_lost line names audit_rate_limit=5 (got $(ev audit_rate_limit))" \
	[ "$(ev audit_rate_limit)" = 5 ]
last=$(ev last_seen_boot_s)
check "last_seen ($last s after boot) is after the burst began ($start)" \
	awk -v l="$last" -v s="$start" 'BEGIN { exit !(l + 1 >= s) }'
fix=$(doctor_fix kernel-log-overflow)
case $fix in
*"auditctl -r 0"*) ok "the fix lifts the rate limit" ;;
*) not_ok "the fix lifts the rate limit"; diag "fix: $fix" ;;
esac
plan_done
