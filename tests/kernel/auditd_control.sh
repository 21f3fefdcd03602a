#!/bin/sh
# auditd's control surface on the real kernel: registration and the
# enabled flag, a second instance, SIGHUP with a good and a bad config,
# SIGUSR1, SIGUSR2, SIGCONT, the metrics file, a log removed underneath,
# and the start-up failures with the reference's exit codes.
. "$(dirname "$0")/../lib.sh"
kernel_begin
daemon_begin

d=$TMP/d
daemon_conf "$d" <<EOC
state_file = $d/auditd.state
metrics_file = $d/metrics.prom
metrics_interval = 1
EOC
log=$d/log/audit.log
kref -e 0 >/dev/null

if ! daemon_start "$BIN/auditd" "$d"; then
	not_ok "starts and registers"
	sed 's/^/# /' "$d/stderr"
	plan_done
	exit
fi
ok "starts and registers as the audit daemon"
check "enables auditing at start (-s enable is the default)" \
	sh -c "$REF_AUDITCTL -s | grep -qx 'enabled 1'"
check "the log directory is 0700 and the log 0600 with log_group root" \
	[ "$(stat -c %a "$d/log")/$(stat -c %a "$log")" = 700/600 ]

# A second instance refuses while the first is alive.
run_capture second timeout 10 "$BIN/auditd" -n -c "$d"
check "a second instance exits 1" [ "$(rc_of second)" = 1 ]
check "and says another daemon is running, naming its pid" \
	grep -q "another audit daemon is running (pid $DPID)" "$TMP/second.err"
check "the first is still the registered daemon" [ "$(daemon_registered)" = "$DPID" ]

# SIGHUP with a good config: DAEMON_CONFIG res=success, and the change applies.
sed -i 's/^log_format = RAW/log_format = ENRICHED/' "$d/auditd.conf"
kill -HUP "$DPID"; sleep 0.5
check "SIGHUP with a good config writes DAEMON_CONFIG state=changed res=success" \
	grep -q '^type=DAEMON_CONFIG .*op=reconfigure state=changed auid=[0-9]* pid=[0-9]* subj=.* res=success' "$log"
kref -m "after reload" >/dev/null; sleep 0.3
check "the new log_format applies (ENRICHED separator after the reload)" \
	sh -c "grep -a 'after reload' '$log' | grep -q \"$(printf '\035')\""

# SIGHUP with a bad config: refused, old kept, reason logged.
cp "$d/auditd.conf" "$d/auditd.conf.good"
echo "bogus_key = 1" >>"$d/auditd.conf"
kill -HUP "$DPID"; sleep 0.5
check "SIGHUP with a bad config writes DAEMON_CONFIG res=failed" \
	grep -q '^type=DAEMON_CONFIG .*state=no-change .*res=failed' "$log"
check "and the daemon goes on" kill -0 "$DPID"
cp "$d/auditd.conf.good" "$d/auditd.conf"; chmod 600 "$d/auditd.conf"

# SIGUSR1 rotates; DAEMON_ROTATE opens the new log.
kill -USR1 "$DPID"; sleep 0.5
check "SIGUSR1 rotates: audit.log.1 exists" [ -f "$log.1" ]
check "and the new log starts with DAEMON_ROTATE" \
	sh -c "head -1 '$log' | grep -q '^type=DAEMON_ROTATE .*op=rotate-logs .*res=success'"
check "the rotated log is read-only" [ "$(stat -c %a "$log.1")" = 400 ]

# SIGUSR2: DAEMON_RESUME.
kill -USR2 "$DPID"; sleep 0.3
check "SIGUSR2 writes DAEMON_RESUME" grep -q '^type=DAEMON_RESUME .*op=resume-logging' "$log"

# SIGCONT: state report.
kill -CONT "$DPID"; sleep 0.3
check "SIGCONT writes the state report" grep -q '^kernel_lost = ' "$d/auditd.state"
sleep 1.2
check "the metrics file is a Prometheus textfile" \
	grep -q '^auditd_received_total [0-9]' "$d/metrics.prom"

# The log removed underneath is reopened.
rm -f "$log"
sleep 1.5
kref -m "after removal" >/dev/null; sleep 0.5
check "a removed log is recreated and written" grep -q 'after removal' "$log"

daemon_stop
check "SIGTERM: exit 0" [ "$DRC" = 0 ]
check "unregisters" [ "$(daemon_registered)" = 0 ]
check "disables auditing again (it enabled it)" \
	sh -c "$REF_AUDITCTL -s | grep -qx 'enabled 0'"

# Start-up failures.
echo "bogus_key = 1" >>"$d/auditd.conf"
run_capture badconf timeout 10 "$BIN/auditd" -n -c "$d"
check "unknown key: exit 6" [ "$(rc_of badconf)" = 6 ]
check "unknown key: file:line message" grep -q "^$d/auditd.conf:[0-9]*: .*bogus_key" "$TMP/badconf.err"
cp "$d/auditd.conf.good" "$d/auditd.conf"; chmod 600 "$d/auditd.conf"
run_capture usage "$BIN/auditd" -x
check "bad option: exit 2 and the usage" sh -c "[ $(rc_of usage) = 2 ] && grep -q '^Usage: auditd' '$TMP/usage.err'"
run_capture badmode "$BIN/auditd" -s sometimes
check "bad -s: exit 2" [ "$(rc_of badmode)" = 2 ]
run_capture nonroot setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN/auditd" -n -c "$d"
check "not root: exit 4" [ "$(rc_of nonroot)" = 4 ]
check "not root: the reference's message" \
	grep -qx "You must be root or have capabilities to run this program." "$TMP/nonroot.err"
mkdir -p "$TMP/ro/log"
if mount -t tmpfs -o ro,size=64k auditkit-ro "$TMP/ro/log" 2>/dev/null; then
	sed -i "s|^log_file = .*|log_file = $TMP/ro/log/audit.log|" "$d/auditd.conf"
	run_capture badlog timeout 10 "$BIN/auditd" -n -c "$d"
	umount "$TMP/ro/log"
	check "unwritable log directory: exit 1" [ "$(rc_of badlog)" = 1 ]
	check "unwritable log directory: says why" \
		grep -q "Unable to open $TMP/ro/log/audit.log: Read-only file system" "$TMP/badlog.err"
else
	skip "unwritable log directory: cannot mount a read-only tmpfs here"
fi
check "a failed start leaves no daemon registered" [ "$(daemon_registered)" = 0 ]
plan_done
