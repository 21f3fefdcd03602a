#!/bin/sh
# audoctor_disk.sh: a small tmpfs as the log partition. Filled nearly
# full under SUSPEND and HALT space actions: disk-space-low and one
# disk-action-stops-machine per action, each fix naming its key. Then
# num_logs 10 x max_log_file 8 on the same 32 MB partition:
# log-retention-exceeds-disk with a num_logs that fits. No daemon runs
# (audoctor reads only the config and the partition), and no kernel state
# is changed, so no kernel_begin; mount needs root.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/audoctor_lib.sh"

[ "$(id -u)" = 0 ] || skip_all "not root (mount)"
C=$TMP/conf
mkdir -p "$C/log"
mount -t tmpfs -o size=32m audoctor-disk "$C/log" 2>/dev/null ||
	skip_all "mount -t tmpfs failed"
trap 'umount "$C/log" 2>/dev/null; rm -rf "$TMP"' EXIT

# all of the fix lines of every finding ID, one per line
doctor_fixes() {
	python3 - "$TMP/doctor.json" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    if f["id"] == sys.argv[2]:
        print(f["fix"])
PY
}

# 29 of 32 MB used: under admin_space_left (4) and space_left (8).
dd if=/dev/zero of="$C/log/filler" bs=1M count=29 2>/dev/null
daemon_conf "$C" <<EOF
space_left = 8
space_left_action = SUSPEND
admin_space_left = 4
admin_space_left_action = HALT
num_logs = 3
max_log_file = 2
EOF
doctor -c "$C" --watch 0
check "JSON output" test -s "$TMP/doctor.json"
check_finding "nearly full: disk-space-low" disk-space-low problem
free=$(doctor_evidence disk-space-low free_mb)
check "free_mb is what is left (2 or 3: $free)" test "$free" -ge 2 -a "$free" -le 3
check "size_mb 32" test "$(doctor_evidence disk-space-low size_mb)" = 32
check "admin_space_left_mb 4" test "$(doctor_evidence disk-space-low admin_space_left_mb)" = 4
check "admin action HALT named" test "$(doctor_evidence disk-space-low admin_space_left_action)" = HALT
check_finding "SUSPEND/HALT reached: disk-action-stops-machine" disk-action-stops-machine problem
doctor_fixes disk-action-stops-machine >"$TMP/fixes"
check "fix: space_left_action = ROTATE in the config" \
	grep -qxF "in $C/auditd.conf: space_left_action = ROTATE" "$TMP/fixes"
check "fix: admin_space_left_action = ROTATE in the config" \
	grep -qxF "in $C/auditd.conf: admin_space_left_action = ROTATE" "$TMP/fixes"
check "SUSPEND fix mentions the spill" grep -q spill_dir "$TMP/fixes"
check "disk_full_action SUSPEND not reached, rate unknown: not reported" \
	test "$(doctor_ids | grep -c disk-action-stops-machine)" = 2
if doctor_has log-retention-exceeds-disk; then not_ok "3 x 2 MB fit: no retention finding"
else ok "3 x 2 MB fit: no retention finding"; fi
check "exit status 2" test "$DOCTOR_RC" = 2

# Room again; 10 x 8 MB of logs on 32 MB.
rm -f "$C/log/filler"
daemon_conf "$C" <<EOF
num_logs = 10
max_log_file = 8
EOF
doctor -c "$C" --watch 0
check_finding "80 MB of logs on 32 MB: log-retention-exceeds-disk" \
	log-retention-exceeds-disk problem
check "retention_mb 80" test "$(doctor_evidence log-retention-exceeds-disk retention_mb)" = 80
check "size_mb 32" test "$(doctor_evidence log-retention-exceeds-disk size_mb)" = 32
doctor_fix log-retention-exceeds-disk >"$TMP/fix"
check "fix: num_logs = 3 (3 x 8 fits 31)" \
	grep -qxF "in $C/auditd.conf: num_logs = 3" "$TMP/fix"
if doctor_has disk-space-low; then not_ok "room: no disk-space-low"; else ok "room: no disk-space-low"; fi
umount "$C/log"
plan_done
