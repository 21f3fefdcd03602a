#!/bin/sh
# audoctor's kernel-queue findings on the real kernel, with our auditd
# logging a chmod(2) load: a tiny backlog_limit under a burst
# (events-lost, backlog-limit-too-small), rate_limit 20 under a burst
# (rate-limit-dropping), backlog_limit 1000000 (backlog-memory), enabled 0
# with a rule loaded (audit-disabled), failure 0 (failure-silent), and the
# daemon stopped with backlog_wait_time set (backlog-wait-blocking).
# Failure 2 is never set here: failure-panic-risk is tested in
# tests/unit/test_audoctor_kqueue.c against the fake kernel.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../audoctor_lib.sh"
kernel_begin
daemon_begin
command -v perl >/dev/null || skip_all "perl is needed for the load generator"
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"

target=$TMP/target
: >"$target"
d=$TMP/d
daemon_conf "$d" </dev/null
GEN=""
# burst SECONDS: chmod(2) on the target for SECONDS, in the background.
burst() {
	perl -e '$e = time + $ARGV[1]; while (time < $e) { chmod 0600, $ARGV[0] for 1..500 }' \
		"$target" "$1" &
	GEN=$!
}
burst_end() { [ -n "$GEN" ] && kill -KILL "$GEN" 2>/dev/null; wait "$GEN" 2>/dev/null; GEN=""; }
cleanup() {
	[ -n "$DPID" ] && kill -CONT "$DPID" 2>/dev/null
	burst_end
	kernel_restore
}
trap cleanup EXIT
lost() { kref -s | awk '$1 == "lost" { print $2 }'; }
# doctor_during_burst ID [TRIES]: audoctor --watch 1 while a burst runs,
# again (up to TRIES times) until it reports ID: losses depend on timing.
doctor_during_burst() {
	_t=0
	while [ "$_t" -lt "${2:-3}" ]; do
		burst 4
		sleep 0.3
		doctor --watch 1 -c "$d"
		burst_end
		doctor_has "$1" && return 0
		_t=$((_t + 1))
	done
	return 1
}
evidence_ge() { _v=$(doctor_evidence "$1" "$2") && [ "${_v%%.*}" -ge "$3" ]; }
# fix_has ID REGEX: a line of ID's fix matches REGEX (grep -E).
fix_has() { doctor_fix "$1" | grep -E "$2" >/dev/null; }
lacks() { ! doctor_has "$1"; }

kref -e 1 -f 1 -b 8192 -r 0 --backlog_wait_time 0 >/dev/null
daemon_start "$BIN/auditd" "$d" || { not_ok "our auditd starts"; plan_done; }
kref -a always,exit -F arch=b64 -S chmod -F path="$target" -k auditkit_queue >/dev/null

# (1) A queue of 2 records under a burst.
kref -b 2 --backlog_wait_time 0 >/dev/null
doctor_during_burst backlog-limit-too-small
diag "lost now $(lost); $(doctor_evidence backlog-limit-too-small arithmetic)"
check_finding "backlog_limit 2 under a burst: events lost" events-lost problem
check_finding "the losses are queue overflow" backlog-limit-too-small problem
check "recommended backlog_limit >= 8192 ($(doctor_evidence backlog-limit-too-small recommended_backlog_limit))" \
	evidence_ge backlog-limit-too-small recommended_backlog_limit 8192
n=$(doctor_evidence backlog-limit-too-small recommended_backlog_limit)
check "the fix is auditctl -b $n" fix_has backlog-limit-too-small "^auditctl -b $n\$"
check "and the rules.d line -b $n" fix_has backlog-limit-too-small "rules.d.*: -b $n\$"
check "exit status 2 (a problem)" [ "$DOCTOR_RC" = 2 ]

# (2) A rate limit of 20 records a second under a burst, with room in the queue.
kref -b 8192 -r 20 >/dev/null
doctor_during_burst rate-limit-dropping
check_finding "rate_limit 20 under a burst" rate-limit-dropping problem
check "its evidence names rate_limit 20" [ "$(doctor_evidence rate-limit-dropping rate_limit)" = 20 ]
check "its fix is auditctl -r 0" fix_has rate-limit-dropping "^auditctl -r 0\$"
check "not blamed on the queue" lacks backlog-limit-too-small
kref -r 0 >/dev/null

# (3) backlog_limit 1000000: 8.97 GB of kernel memory when full.
mem=$(awk '$1 == "MemTotal:" { printf "%.0f", $2 * 1024 }' /proc/meminfo)
kref -b 1000000 >/dev/null
doctor --watch 1 -c "$d"
if [ "$(echo "$mem" | awk '{ print ($1 <= 35880000000) }')" = 1 ]; then
	check_finding "backlog_limit 1000000 on $((mem / 1073741824)) GiB" backlog-memory problem
else
	check_finding "backlog_limit 1000000 on $((mem / 1073741824)) GiB" backlog-memory warning
fi
check "memory_bytes is 1000000 x 8970" [ "$(doctor_evidence backlog-memory memory_bytes)" = 8970000000 ]
check "mem_total_bytes is MemTotal" [ "$(doctor_evidence backlog-memory mem_total_bytes)" = "$mem" ]
check "its fix lowers -b" fix_has backlog-memory "^auditctl -b [0-9]+\$"
kref -b 8192 >/dev/null

# (4) Auditing off with a rule loaded.
kref -e 0 >/dev/null
doctor --watch 1 -c "$d"
check_finding "enabled 0 with a rule loaded" audit-disabled problem
check "its fix is auditctl -e 1" fix_has audit-disabled "^auditctl -e 1\$"
kref -e 1 >/dev/null

# (5) Failure 0: losses would leave no trace.
kref -f 0 >/dev/null
doctor --watch 1 -c "$d"
check_finding "failure 0" failure-silent warning
check "its fix is auditctl -f 1" fix_has failure-silent "^auditctl -f 1\$"
kref -f 1 >/dev/null
doctor --watch 1 -c "$d"
check "failure 1: no failure-silent" lacks failure-silent

# (6) The daemon stopped, backlog_wait_time 100: writers are held.
kref -b 64 --backlog_wait_time 100 >/dev/null
kill -STOP "$DPID"
burst 6
sleep 1
doctor --watch 1 -c "$d"
kill -CONT "$DPID"
burst_end
check_finding "daemon stopped, backlog_wait_time 100" backlog-wait-blocking problem
check "wait_actual_delta > 0" evidence_ge backlog-wait-blocking wait_actual_delta 1
check "its fix names --backlog_wait_time 0 as the trade-off" \
	fix_has backlog-wait-blocking "auditctl --backlog_wait_time 0.*lost"
kref -b 8192 --backlog_wait_time 0 >/dev/null
kref -D >/dev/null
daemon_stop
plan_done
