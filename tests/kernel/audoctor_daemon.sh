#!/bin/sh
# audoctor's daemon findings on the real kernel: no daemon while auditing
# is on; our auditd stopped with SIGSTOP under load (backlog_wait_time 0,
# so nothing blocks); the reference auditd named as such; a SIGKILLed
# daemon the kernel still names (enabled 0: nothing is sent, so nothing
# fails); a stand-in daemon that never reads; one that reads too slowly.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../audoctor_lib.sh"
kernel_begin
daemon_begin
command -v perl >/dev/null || skip_all "perl is needed for the load generator"
command -v python3 >/dev/null || skip_all "python3 is needed for the stand-in daemon"
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"

FAKE=$(dirname "$0")/audoctor_fake_daemon.py
target=$TMP/target
: >"$target"
d=$TMP/d
daemon_conf "$d" </dev/null
f=$TMP/f			# auditd.conf for the stand-ins: a log nobody writes
daemon_conf "$f" </dev/null

# load SECONDS: chmod(2) on the target in a loop, in the background.
load() {
	perl -e '$e = time + $ARGV[1]; while (time < $e) { chmod 0600, $ARGV[0] for 1..500 }' \
		"$target" "$1" &
	GEN=$!
	DAEMON_PIDS="$DAEMON_PIDS $GEN"
}
stop_load() { kill "$GEN" 2>/dev/null; wait "$GEN" 2>/dev/null; }
# release: make the kernel let go of a dead registered daemon (it does
# when its next send fails, and user messages are sent only when enabled).
release() {
	kref -e 1 >/dev/null
	_i=0
	while [ "$(daemon_registered)" != 0 ] && [ $_i -lt 20 ]; do
		kref -m "audoctor test: release" >/dev/null 2>&1
		sleep 0.1
		_i=$((_i + 1))
	done
}
# fake MODE...: start the stand-in daemon; FPID once it said ready.
fake() {
	python3 "$FAKE" "$@" >"$TMP/fake.out" 2>"$TMP/fake.err" &
	FPID=$!
	DAEMON_PIDS="$DAEMON_PIDS $FPID"
	_i=0
	until grep -q ready "$TMP/fake.out" 2>/dev/null; do
		[ $_i -lt 50 ] && kill -0 "$FPID" 2>/dev/null || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}
stop_fake() {
	kill -TERM "$FPID" 2>/dev/null
	wait "$FPID" 2>/dev/null
	release
}

kref -D >/dev/null
[ "$(daemon_registered)" = 0 ] || release
kref -b 8192 --backlog_wait_time 0 -a always,exit -F arch=b64 -S chmod \
	-F path="$target" -k audoctor_daemon >/dev/null

# (a) No daemon, auditing on: a problem (records go to the kernel log).
kref -e 1 >/dev/null
doctor --watch 0.5 -c "$d"
check_finding "no daemon, enabled 1: no-daemon" no-daemon problem
check "no-daemon: status says daemon none" [ "$(doctor_status daemon)" = none ]
case $(doctor_fix no-daemon) in
*"systemctl start auditd"*) ok "no-daemon: fix starts auditd" ;;
*) not_ok "no-daemon: fix starts auditd" ;;
esac

# (b) Our auditd, stopped while events arrive.
if daemon_start "$BIN/auditd" "$d"; then
	load 5
	sleep 0.2
	kill -STOP "$DPID"
	sleep 0.3
	doctor --watch 1 -c "$d"
	kill -CONT "$DPID"
	check_finding "auditd stopped under load: daemon-stopped" daemon-stopped problem
	check "daemon-stopped: evidence daemon is auditkit" \
		[ "$(doctor_evidence daemon-stopped daemon)" = auditkit ]
	check "daemon-stopped: evidence state T" \
		[ "$(doctor_evidence daemon-stopped state)" = T ]
	case $(doctor_fix daemon-stopped) in
	*"kill -CONT $DPID"*"does not help"*) ok "daemon-stopped: fix is kill -CONT $DPID" ;;
	*) not_ok "daemon-stopped: fix is kill -CONT $DPID"; diag "$(doctor_fix daemon-stopped)" ;;
	esac
	bl0=$(doctor_evidence daemon-stopped backlog_first)
	bl1=$(doctor_evidence daemon-stopped backlog_last)
	lost=$(doctor_evidence daemon-stopped lost_delta)
	grew=no
	{ [ "${bl1:-0}" -gt "${bl0:-0}" ] || [ "${bl1:-0}" -ge 8000 ] ||
		[ "${lost:-0}" -gt 0 ]; } && grew=yes
	check "daemon-stopped: the backlog grew or is full, or records were lost ($bl0 -> $bl1, lost +$lost)" [ $grew = yes ]
	stop_load
	daemon_stop
else
	not_ok "our auditd starts"; sed 's/^/# /' "$d/stderr"
fi
[ "$(daemon_registered)" = 0 ] || release

# (c) The reference auditd is named as the reference.
r=$TMP/r
daemon_conf "$r" </dev/null
if daemon_start "$REF_AUDITD" "$r"; then
	doctor --watch 0.3 -c "$r"
	check "the reference auditd: status daemon is reference (got $(doctor_status daemon))" \
		[ "$(doctor_status daemon)" = reference ]
	check "the reference auditd: status daemon_exe is $REF_AUDITD" \
		[ "$(doctor_status daemon_exe)" = "$REF_AUDITD" ]
	daemon_stop
else
	not_ok "the reference auditd starts"; sed 's/^/# /' "$r/stderr"
fi
[ "$(daemon_registered)" = 0 ] || release

# (d) SIGKILLed with auditing off: the kernel keeps the dead pid.
if daemon_start "$BIN/auditd" "$d"; then
	kref -e 0 >/dev/null
	dead=$DPID
	daemon_stop KILL
	doctor --watch 0.3 -c "$d"
	check_finding "SIGKILLed daemon, enabled 0: daemon-dead" daemon-dead problem
	check "daemon-dead: evidence pid $dead" [ "$(doctor_evidence daemon-dead pid)" = "$dead" ]
	release
	check "the kernel let go of the dead pid" [ "$(daemon_registered)" = 0 ]
else
	not_ok "our auditd starts again"
fi

# (e) A daemon that never reads.
kref -e 1 >/dev/null
if fake sleep; then
	load 5
	sleep 0.5
	doctor --watch 1 -c "$f"
	check_finding "stand-in that never reads: daemon-not-reading" daemon-not-reading problem
	check "daemon-not-reading: evidence daemon is other" \
		[ "$(doctor_evidence daemon-not-reading daemon)" = other ]
	rmin=$(doctor_evidence daemon-not-reading rmem_min)
	check "daemon-not-reading: receive queue never empty (rmem_min $rmin)" [ "${rmin:-0}" -gt 0 ]
	case $(doctor_fix daemon-not-reading) in
	*"/proc/$FPID/stack"*) ok "daemon-not-reading: fix looks at /proc/$FPID/stack" ;;
	*) not_ok "daemon-not-reading: fix looks at /proc/$FPID/stack" ;;
	esac
	stop_load
	stop_fake
else
	not_ok "the stand-in daemon registers"; sed 's/^/# /' "$TMP/fake.err"
fi

# (f) A daemon that reads, 2 ms of CPU per message: too slow.
kref -e 1 >/dev/null
if fake slow 2; then
	load 5
	sleep 0.3
	doctor --watch 1 -c "$f"
	check_finding "stand-in reading slowly: daemon-too-slow" daemon-too-slow
	cpu=$(doctor_evidence daemon-too-slow cpu_s)
	check "daemon-too-slow: it used CPU ($cpu s)" \
		python3 -c "import sys; sys.exit(0 if float('${cpu:-0}') > 0 else 1)"
	case $(doctor_fix daemon-too-slow) in
	*"priority_boost = 8"*"noisy-rule"*) ok "daemon-too-slow: fix names priority_boost and noisy-rule" ;;
	*) not_ok "daemon-too-slow: fix names priority_boost and noisy-rule"; diag "$(doctor_fix daemon-too-slow)" ;;
	esac
	stop_load
	stop_fake
else
	not_ok "the stand-in daemon registers again"; sed 's/^/# /' "$TMP/fake.err"
fi
check "no daemon is left registered" [ "$(daemon_registered)" = 0 ]
plan_done
