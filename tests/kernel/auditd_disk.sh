#!/bin/sh
# auditd and a full disk, on a 2 MiB tmpfs: each disk_full_action (single
# and halt run harmless commands here), records held in the spill while
# logging is suspended, and written back, with DAEMON_RESUME's counts,
# when space returns. Nothing is lost within the spill's bound.
. "$(dirname "$0")/../lib.sh"
kernel_begin
daemon_begin
command -v perl >/dev/null || skip_all "perl is needed for the load generator"

small=$TMP/small
mkdir -p "$small"
mount -t tmpfs -o size=2m auditkit-test "$small" 2>/dev/null ||
	skip_all "cannot mount a tmpfs here"
umount_small() { umount "$small" 2>/dev/null; }
trap 'umount_small; kernel_restore' EXIT

target=$TMP/target
: >"$target"
generate() { perl -e 'chmod 0600, $ARGV[0] for 1..$ARGV[1]' "$target" "$1"; }
hits() { cat "$small"/log/audit.log* 2>/dev/null | grep -ac '^type=SYSCALL.*key="auditkit_disk"'; }
kref -b 8192 --backlog_wait_time 60000 >/dev/null

# scenario ACTION: fill the disk, make N events, free the disk.
scenario() {
	act=$1
	rm -rf "$small"/* "$TMP"/ran.*
	mkdir -p "$small/log"
	d=$TMP/d-$act
	cat >"$TMP/mark.sh" <<EOS
#!/bin/sh
touch "$TMP/ran.\$(basename "\$0")"
EOS
	for s in single halt exec; do cp "$TMP/mark.sh" "$TMP/$s.sh"; chmod 755 "$TMP/$s.sh"; done
	extra=
	case $act in
	EXEC) dfa="EXEC $TMP/exec.sh" ;;
	SPILLFILE) dfa=SUSPEND extra="spill_memory = 16K" ;;
	*) dfa=$act ;;
	esac
	daemon_conf "$d" <<EOC
log_file = $small/log/audit.log
disk_full_action = $dfa
space_left = 2%
admin_space_left = 1%
spill_dir = $TMP
state_file = $d/state
single_command = $TMP/single.sh
halt_command = $TMP/halt.sh
max_log_file = 0
max_log_file_action = IGNORE
$extra
EOC
	if ! daemon_start "$BIN/auditd" "$d"; then
		not_ok "$act: starts"; sed 's/^/# /' "$d/stderr"; return
	fi
	kref -a always,exit -F arch=b64 -S chmod -F path="$target" -k auditkit_disk >/dev/null
	# Leave about 64 KiB free, then log about 1.3 MiB of records (1500 events).
	avail=$(df -B1 --output=avail "$small" | tail -1)
	dd if=/dev/zero of="$small/filler" bs=4096 count=$(( (avail - 65536) / 4096 )) 2>/dev/null
	generate 1500
	sleep 1.5
	check "$act: logging is suspended with the disk full" \
		sh -c "kill -CONT $DPID; sleep 0.3; grep -q '^logging suspended = yes' '$d/state'" 
	rm -f "$small/filler"
	sleep 2.5
	kref -D >/dev/null
	sleep 0.3
	daemon_stop
	check "$act: all 1500 events are in the log after space returned (got $(hits))" [ "$(hits)" = 1500 ]
	check "$act: DAEMON_RESUME says how many were held and that none were dropped" \
		grep -q '^type=DAEMON_RESUME .*held=[1-9][0-9]* dropped=0 ' "$small/log/audit.log"
	check "$act: the automatic resumption is the daemon's own doing (pid=$DPID)" \
		grep -q "^type=DAEMON_RESUME .* pid=$DPID held=" "$small/log/audit.log"
	case $act in
	SINGLE) check "SINGLE: single_command ran" [ -e "$TMP/ran.single.sh" ] ;;
	HALT) check "HALT: halt_command ran" [ -e "$TMP/ran.halt.sh" ] ;;
	EXEC) check "EXEC: the program ran" [ -e "$TMP/ran.exec.sh" ] ;;
	esac
}
# SPILLFILE: memory for 16 KiB only, the rest held in a file in spill_dir.
for a in SUSPEND SINGLE HALT EXEC SYSLOG IGNORE SPILLFILE; do
	scenario "$a"
done
check "no daemon is left registered" [ "$(daemon_registered)" = 0 ]
plan_done
