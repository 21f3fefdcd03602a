#!/bin/sh
# augenrules_load.sh: --load, with a fake auditctl that records how it is
# called (nothing reaches the kernel). Ours against the reference where
# they agree: when auditctl -R runs, on which file, and whose exit status
# augenrules ends with. Then ours alone: the check for locked rules
# (enabled 2) and the default auditctl beside the program.
. "$(dirname "$0")/../lib.sh"
. "$DATA/augenrules/helpers.sh"
ar_setup
rd=$DATA/augenrules/basic
printf '## old\n' >"$TMP/old.rules"

# Changed: written first, then loaded.
ar_seed changed "$TMP/old.rules"
ar_both changed "$rd" --load
ar_compare changed
ar_expect "changed: auditctl -R on the output" changed ours loads \
	"-R OUTDIR/audit.rules
"

# Unchanged: "No change", and the rules are loaded all the same.
ar_run ours first "$rd"
ar_seed same "$TMP/first.ours/audit.rules"
ar_both same "$rd" --load
ar_compare same

# auditctl's exit status becomes ours.
FAKE_RC=3 ar_both rc3 "$rd" --load
ar_compare rc3
check "auditctl exit 3 -> augenrules exit 3" test "$(cat "$TMP/rc3.ours/rc")" = 3

# No rules directory: the existing output is still loaded, exit 1.
ar_seed nodir "$TMP/old.rules"
ar_both nodir "$TMP/no-such-dir" --load
ar_compare nodir

# --check with --load: a changed set is only reported, an unchanged one
# is loaded.
ar_seed check-changed "$TMP/old.rules"
ar_both check-changed "$rd" --check --load
ar_compare check-changed
ar_seed check-same "$TMP/first.ours/audit.rules"
ar_both check-same "$rd" --load --check
ar_compare check-same

# No auditctl there: the shell's 127.
AR_AUDITCTL=$TMP/no-such-auditctl ar_both missing "$rd" --load
ar_same_file "missing auditctl: exit status" missing rc
ar_same_file "missing auditctl: audit.rules" missing audit.rules
check "missing auditctl: one line on stderr" test "$(wc -l <"$TMP/missing.ours/err")" = 1

# Locked (enabled 2): ours does not try; it says so and exits 0. The new
# file is still written for the next boot.
ar_seed locked "$TMP/old.rules"
FAKE_ENABLED=2 ar_run ours locked "$rd" --load
ar_expect "locked: only the status is asked" locked ours auditctl.log "-s
"
ar_expect "locked: message" locked ours out \
	"./augenrules: Audit rules are locked (enabled 2): not loading $TMP/locked.ours/audit.rules, reboot to apply it
"
check "locked: exit 0" test "$(cat "$TMP/locked.ours/rc")" = 0
same_file "locked: output still written" "$TMP/first.ours/audit.rules" "$TMP/locked.ours/audit.rules"
ar_seed locked-same "$TMP/first.ours/audit.rules"
FAKE_ENABLED=2 ar_run ours locked-same "$rd" --load
ar_expect "locked, unchanged: No change, then the notice" locked-same ours out \
	"./augenrules: No change
./augenrules: Audit rules are locked (enabled 2): not loading $TMP/locked-same.ours/audit.rules, reboot to apply it
"
# Not locked (enabled 0 and 1): status asked, then loaded.
for e in 0 1; do
	ar_seed "enabled$e" "$TMP/old.rules"
	FAKE_ENABLED=$e ar_run ours "enabled$e" "$rd" --load
	ar_expect "enabled $e: status, then -R" "enabled$e" ours auditctl.log \
		"-s
-R $TMP/enabled$e.ours/audit.rules
"
done

# Default auditctl: the one in the program's own directory (a copy of
# ours next to the fake), used when AUGENRULES_AUDITCTL is unset or empty.
mkdir "$TMP/sbin"
cp "$BIN/augenrules" "$TMP/sbin/augenrules"
cp "$FAKE_AUDITCTL" "$TMP/sbin/auditctl"
printf '## old\n' >"$TMP/default.rules"
(unset AUGENRULES_AUDITCTL
 AUGENRULES_RULES_DIR=$rd AUGENRULES_OUTPUT=$TMP/default.rules \
 FAKE_LOG=$TMP/default.log "$TMP/sbin/augenrules" --load >/dev/null 2>&1)
printf -- '-s\n-R %s\n' "$TMP/default.rules" >"$TMP/default.expect"
same_file "default auditctl: the one beside augenrules" "$TMP/default.expect" "$TMP/default.log"
(AUGENRULES_AUDITCTL='' AUGENRULES_RULES_DIR=$rd AUGENRULES_OUTPUT=$TMP/default.rules \
 FAKE_LOG=$TMP/default2.log "$TMP/sbin/augenrules" --load >/dev/null 2>&1)
check "empty AUGENRULES_AUDITCTL counts as unset" test -s "$TMP/default2.log"

plan_done
