#!/bin/sh
# audoctor_conf.sh: a broken auditd.conf (a bad value, an unknown key) and
# a missing config directory. The disk check is skipped with the parser's
# FILE:LINE reason (or the missing file), the exit status is at least 1,
# the JSON is still valid and the other checks still run (a saved kernel
# log given with --kmsg still gives kernel-log-overflow); the text form
# lists the skip under "not checked". Only reads the kernel (--watch 0).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/audoctor_lib.sh"

[ -x "$AUDOCTOR" ] || skip_all "no $AUDOCTOR"
printf '[  100.000000] audit: backlog limit exceeded\n' >"$TMP/kmsg"

# conf_case NAME: run on $TMP/NAME, check the skip names FILE:LINE ($2)
conf_case() {
	doctor -c "$TMP/$1" --watch 0 --kmsg "$TMP/kmsg"
	reason=$(doctor_skipped disk)
	check "$1: valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/doctor.json"
	case $reason in
	"$2"*) ok "$1: disk skipped: $reason" ;;
	*) not_ok "$1: disk skipped with $2..., got '$reason'" ;;
	esac
	check "$1: exit status >= 1 ($DOCTOR_RC)" test "$DOCTOR_RC" -ge 1 -a "$DOCTOR_RC" -le 2
	check_finding "$1: the kernel log check still ran" kernel-log-overflow
	if doctor_ids | grep -q '^disk-\|^log-retention'; then
		not_ok "$1: no disk finding"
	else
		ok "$1: no disk finding"
	fi
}

# A bad value on line 3.
daemon_conf "$TMP/badvalue" <<EOF
num_logs = lots
EOF
conf_case badvalue "$TMP/badvalue/auditd.conf:3:"
check "badvalue: the reason quotes the bad text" sh -c "printf '%s' \"\$1\" | grep -q lots" - "$reason"

# An unknown key on line 4.
daemon_conf "$TMP/unknown" <<EOF
space_left = 10
frobnicate = yes
EOF
conf_case unknown "$TMP/unknown/auditd.conf:4:"
check "unknown: the reason names the key" sh -c "printf '%s' \"\$1\" | grep -q frobnicate" - "$reason"

# No such directory.
conf_case missing "$TMP/missing/auditd.conf"

# The text form says what was not checked, and why.
timeout -k 2 120 "$AUDOCTOR" -c "$TMP/unknown" --watch 0 --kmsg "$TMP/kmsg" \
	>"$TMP/text.out" 2>"$TMP/text.err"
check "text: a 'not checked' section" grep -q "^not checked:" "$TMP/text.out"
check "text: the disk line with FILE:LINE" \
	grep -qF "disk: $TMP/unknown/auditd.conf:4:" "$TMP/text.out"
plan_done
