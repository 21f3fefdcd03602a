#!/bin/sh
# audoctor --kmsg FILE: the kernel log check on saved logs (dmesg, a copy
# of /dev/kmsg, audit records that only quote the messages, garbage) and
# on files it cannot read. Only kernel-log-overflow and the "kernel log"
# skip are asserted: the kernel checks may or may not run here.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/audoctor_lib.sh"
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"

K=$DATA/audoctor/kmsg
conf=$TMP/conf
mkdir -p "$conf"
kdoctor() { doctor --kmsg "$1" --watch 0 -c "$conf"; }
# is DESC ACTUAL EXPECTED
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; diag "got '$2', wanted '$3'"; fi
}
has() {
	case $2 in *"$3"*) ok "$1" ;; *) not_ok "$1"; diag "'$3' not in: $2" ;; esac
}

kdoctor "$K/dmesg.txt"
check_finding "dmesg: kernel-log-overflow, warning (a saved log counts as recent)" kernel-log-overflow warning
is "dmesg: 3 x backlog limit exceeded" "$(doctor_evidence kernel-log-overflow backlog_limit_exceeded)" 3
is "dmesg: 2 x audit_backlog over the limit" "$(doctor_evidence kernel-log-overflow backlog_over_limit)" 2
is "dmesg: 2 audit_lost reports" "$(doctor_evidence kernel-log-overflow lost_reports)" 2
is "dmesg: largest audit_backlog 400" "$(doctor_evidence kernel-log-overflow audit_backlog_max)" 400
is "dmesg: audit_backlog_limit 320" "$(doctor_evidence kernel-log-overflow audit_backlog_limit)" 320
is "dmesg: last audit_lost 44393" "$(doctor_evidence kernel-log-overflow audit_lost)" 44393
is "dmesg: 153 + 7 suppressed (kauditd_printk_skb's 40 are records, not losses)" \
	"$(doctor_evidence kernel-log-overflow callbacks_suppressed)" 160
is "dmesg: suppressed says so" "$(doctor_evidence kernel-log-overflow suppressed)" \
	"the kernel hid 160 more messages"
is "dmesg: last_seen in seconds after boot" "$(doctor_evidence kernel-log-overflow last_seen)" \
	"5031.318001 s after boot"
has "dmesg: the summary says the true count is higher" \
	"$(_doctor_py field kernel-log-overflow summary)" "true count is higher"
fix=$(doctor_fix kernel-log-overflow)
has "dmesg: fix raises the backlog (2 x 320, at least 8192)" "$fix" "auditctl -b 8192"
has "dmesg: fix persists it" "$fix" "in /etc/audit/rules.d/*.rules: -b 8192"
check "dmesg: exit status at least 1" [ "$DOCTOR_RC" -ge 1 ]

kdoctor "$K/kmsg.txt"
check_finding "/dev/kmsg copy: kernel-log-overflow" kernel-log-overflow warning
is "/dev/kmsg copy: 2 x rate limit exceeded (a continuation line does not count)" \
	"$(doctor_evidence kernel-log-overflow rate_limit_exceeded)" 2
is "/dev/kmsg copy: 1 hold queue overflow" "$(doctor_evidence kernel-log-overflow hold_queue_overflow)" 1
is "/dev/kmsg copy: first_seen" "$(doctor_evidence kernel-log-overflow first_seen)" "7200.500000 s after boot"
fix=$(doctor_fix kernel-log-overflow)
has "/dev/kmsg copy: fix lifts the rate limit" "$fix" "auditctl -r 0"
has "/dev/kmsg copy: fix starts a daemon" "$fix" "start the audit daemon"

kdoctor "$K/plain.txt"
is "plain dmesg: 2 x backlog limit exceeded" "$(doctor_evidence kernel-log-overflow backlog_limit_exceeded)" 2
has "plain dmesg: -b 2 x 8192" "$(doctor_fix kernel-log-overflow)" "auditctl -b 16384"

kdoctor "$K/quoted.txt"
if doctor_has kernel-log-overflow; then
	not_ok "records that only quote the messages: no kernel-log-overflow"
else
	ok "records that only quote the messages: no kernel-log-overflow"
fi
is "quoted: the check ran (not skipped)" "$(doctor_skipped 'kernel log')" ""

: >"$TMP/empty"
kdoctor "$TMP/empty"
if doctor_has kernel-log-overflow; then not_ok "empty log: no finding"; else ok "empty log: no finding"; fi

head -c 200000 /dev/urandom >"$TMP/garbage"
kdoctor "$TMP/garbage"
check "garbage: valid JSON and an exit status of 0-2" [ "$DOCTOR_RC" -le 2 ]
if doctor_ids >/dev/null; then ok "garbage: the JSON parses"; else not_ok "garbage: the JSON parses"; fi

kdoctor "$TMP/no-such-file"
has "missing file: skipped \"kernel log\" with the reason" "$(doctor_skipped 'kernel log')" \
	"no-such-file: No such file or directory"
check "missing file: exit status 1 or more, no crash" [ "$DOCTOR_RC" -ge 1 -a "$DOCTOR_RC" -le 2 ]
if doctor_has kernel-log-overflow; then not_ok "missing file: no finding"; else ok "missing file: no finding"; fi

kdoctor "$TMP"
has "a directory: skipped \"kernel log\"" "$(doctor_skipped 'kernel log')" "Is a directory"
check "a directory: exit status 1 or more" [ "$DOCTOR_RC" -ge 1 -a "$DOCTOR_RC" -le 2 ]
# Live, as nobody under kernel.dmesg_restrict = 1: /dev/kmsg and klogctl
# both refuse; the skip says why. (A copy of the binary: the build tree
# may not be readable by nobody.)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	[ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ]; then
	chmod 755 "$TMP" && cp "$AUDOCTOR" "$TMP/audoctor" && chmod 755 "$TMP/audoctor"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$TMP/audoctor" --json --watch 0 -c "$conf" >"$TMP/doctor.json" 2>"$TMP/doctor.err"
	DOCTOR_RC=$?
	has "not root: skipped \"kernel log\" naming dmesg_restrict" "$(doctor_skipped 'kernel log')" \
		"kernel.dmesg_restrict = 1"
	check "not root: exit status 1 or more, no crash" [ "$DOCTOR_RC" -ge 1 -a "$DOCTOR_RC" -le 2 ]
else
	skip "not root: needs root, setpriv and kernel.dmesg_restrict = 1"
fi
plan_done
