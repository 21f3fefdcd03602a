#!/bin/sh
# auditd under load on the real kernel, in blocking mode (backlog_limit
# 8192, backlog_wait_time 60000): stopped with SIGSTOP and continued,
# nothing is lost; killed with SIGKILL, every line of its log is a whole
# record and a restart registers again.
. "$(dirname "$0")/../lib.sh"
kernel_begin
daemon_begin
command -v perl >/dev/null || skip_all "perl is needed for the load generator"

target=$TMP/target
: >"$target"
N=${AUDITKIT_LOAD_EVENTS:-20000}
d=$TMP/d
daemon_conf "$d" </dev/null
log=$d/log/audit.log

lost() { "$REF_AUDITCTL" -s | awk '$1 == "lost" { print $2 }'; }
hits() { grep -ac '^type=SYSCALL.*key="auditkit_load"' "$log" 2>/dev/null || echo 0; }
# generate COUNT: COUNT chmod(2) calls on the target, one process.
generate() { perl -e 'chmod 0600, $ARGV[0] for 1..$ARGV[1]' "$target" "$1"; }

kref -b 8192 --backlog_wait_time 60000 >/dev/null
daemon_start "$BIN/auditd" "$d" || { not_ok "starts"; plan_done; exit; }
kref -a always,exit -F arch=b64 -S chmod -F path="$target" -k auditkit_load >/dev/null
lost0=$(lost)

generate "$N" &
gen=$!
sleep 0.2
kill -STOP "$DPID"
sleep 2
kill -CONT "$DPID"
wait "$gen"
i=0
while [ "$(hits)" -lt "$N" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "SIGSTOP for 2 s under load, then SIGCONT: all $N events logged (got $(hits))" [ "$(hits)" = "$N" ]
check "the kernel lost nothing meanwhile" [ "$(lost)" = "$lost0" ]

# SIGKILL in the middle of a burst.
generate "$N" &
gen=$!
sleep 0.3
kill -KILL "$DPID"
wait "$DPID" 2>/dev/null
DAEMON_PIDS=""
# The generator blocks (backlog_wait_time) until a daemon reads again.
if daemon_start "$BIN/auditd" "$d"; then
	ok "after SIGKILL a new daemon registers again"
else
	not_ok "after SIGKILL a new daemon registers again"
	sed 's/^/# /' "$d/stderr"
fi
wait "$gen"
sleep 0.5
daemon_stop
bad=$(grep -avcE '^type=[A-Z_0-9]+(\[[0-9]+\])? msg=audit\([0-9]+\.[0-9]+:[0-9]+\): ' "$log")
check "after SIGKILL and restart every line of the log is a whole record ($bad are not)" [ "$bad" = 0 ]
check "the log ends with a newline" [ "$(tail -c 1 "$log" | od -An -c | tr -d ' ')" = '\n' ]
kref -D >/dev/null
check "no daemon is left registered" [ "$(daemon_registered)" = 0 ]
plan_done
