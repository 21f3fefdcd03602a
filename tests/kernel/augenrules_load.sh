#!/bin/sh
# augenrules_load.sh (kernel): `augenrules --load` puts a small rules.d
# (-D, a watch, a syscall rule; never -f 2 or -e 2) into the real kernel,
# and a second run ("No change") loads the same set again without error.
# The loader is our auditctl when it exists and works, else the
# reference's. kernel_begin saves and restores the kernel's audit state.
. "$(dirname "$0")/../lib.sh"
[ -x "$BIN/augenrules" ] || skip_all "no $BIN/augenrules (build first)"
kernel_begin

if [ -x "$BIN/auditctl" ] && "$BIN/auditctl" -v >/dev/null 2>&1; then
	ctl=$BIN/auditctl
else
	ctl=$REF_AUDITCTL
fi
diag "loading with $ctl"

rd=$DATA/augenrules/kernel
out=$TMP/audit.rules
load() {
	AUGENRULES_RULES_DIR=$rd AUGENRULES_OUTPUT=$out AUGENRULES_AUDITCTL=$ctl \
		"$BIN/augenrules" --load >"$TMP/out" 2>"$TMP/err"
}

load
check "first --load: exit 0" test $? = 0
check "first --load: nothing on stderr" test ! -s "$TMP/err"
kernel_rules "$TMP/list1"
same_file "kernel holds the merged rules" "$DATA/augenrules/kernel.list" "$TMP/list1"

load
rc=$?
check "second --load: exit 0" test $rc = 0
check "second --load: No change" grep -q ': No change$' "$TMP/out"
kernel_rules "$TMP/list2"
same_file "kernel holds them once" "$DATA/augenrules/kernel.list" "$TMP/list2"

plan_done
