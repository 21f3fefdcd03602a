#!/bin/sh
# tests/data/search/capture.sh works on this kernel: it records a RAW and
# an ENRICHED log with the reference daemon, the rules' keys and the
# login-like records are there, the rotated cut and the damaged files are
# made, and the kernel is left as it was (no daemon, no rules, the same
# status). capture.sh takes the kernel test lock itself, so this script
# does not (a second flock would wait on the first).
. "$(dirname "$0")/../lib.sh"
[ "$(id -u)" = 0 ] || skip_all "kernel test needs root"
[ -x /usr/sbin/auditd ] || skip_all "reference auditd missing (run scripts/bootstrap)"

status() { "$REF_AUDITCTL" -s | grep -Ev '^(lost|backlog|backlog_wait_time_actual) '; }
status >"$TMP/before"
"$REF_AUDITCTL" -l >"$TMP/rules.before" 2>&1
out=$TMP/out
sh "$DATA/search/capture.sh" "$out" >"$TMP/capture.out" 2>"$TMP/capture.err"
rc=$?
if grep -q '^1\.\.0 # SKIP' "$TMP/capture.out"; then
	skip_all "$(sed -n 's/^1\.\.0 # SKIP //p' "$TMP/capture.out")"
fi
check "capture.sh exits 0" [ "$rc" = 0 ]
sed 's/^/# /' "$TMP/capture.err"
for f in raw enriched; do
	log=$out/$f.log
	check "$f.log is written" [ -s "$log" ]
	for t in SYSCALL EXECVE PATH CWD PROCTITLE SOCKADDR CONFIG_CHANGE USER \
		USER_LOGIN USER_AUTH USER_START DAEMON_START DAEMON_END ANOM_ABEND; do
		grep -q "type=$t msg=" "$log" || not_ok "$f.log has no $t record"
	done
	for k in exec file-missing access-denied perm-change delete net signal secret-watch; do
		grep -q "key=\"$k\"" "$log" || not_ok "$f.log has no key $k"
	done
	check "$f.log: failed opens with EACCES" grep -q 'exit=-13 .*key="access-denied"' "$log"
	check "$f.log: the reference's ausearch reads it" \
		sh -c "TZ=UTC LC_ALL=C /usr/sbin/ausearch -if '$log' -r | grep -q ."
done
check "enriched.log records carry node= and interpretations" \
	sh -c "head -1 '$out/enriched.log' | grep -q '^node=testhost type=DAEMON_START.*$(printf '\035')'"
check "rotated/ holds the four members" \
	[ -s "$out/rotated/audit.log.3.zst" -a -s "$out/rotated/audit.log.2.gz" -a -s "$out/rotated/audit.log.1" -a -s "$out/rotated/audit.log" ]
check "rotated-plain/ concatenates to raw.log" \
	sh -c "cat '$out/rotated-plain/audit.log.3' '$out/rotated-plain/audit.log.2' '$out/rotated-plain/audit.log.1' '$out/rotated-plain/audit.log' | cmp -s - '$out/raw.log'"
check "damaged/ is made" [ -s "$out/damaged/longline.log" -a -f "$out/damaged/empty.log" ]
status >"$TMP/after"
"$REF_AUDITCTL" -l >"$TMP/rules.after" 2>&1
same_file "the kernel's audit status is restored" "$TMP/before" "$TMP/after"
same_file "the kernel's rules are restored" "$TMP/rules.before" "$TMP/rules.after"
check "no daemon is left registered" [ "$(daemon_registered)" = 0 ]
plan_done
