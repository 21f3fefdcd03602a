#!/bin/sh
# auditctl_corpus.sh (kernel): data/rules/corpus.rules (some 470 rules
# over every list, field, operator, -C pair and watch form) loaded into
# the real kernel both ways. (a) The reference loads it and lists it: A.
# Ours must list the same kernel state as A byte for byte, also with -i
# and with -k filters. (b) Ours loads it from no rules: its exit code,
# stdout and stderr must be the reference's, and the kernel then holds A
# again, as listed by the reference and by ours. Audit is switched off
# (-e 0) while the corpus is in, so its match-everything rules log
# nothing; kernel_begin restores the rules, enabled flag and limits.
. "$(dirname "$0")/../lib.sh"
kernel_begin

[ -x "$OURS" ] || diag "no $OURS: every comparison below fails"

# -R wants a root-owned file that others cannot write; the checkout's
# mode is not ours to rely on.
CORPUS=$TMP/corpus.rules
cp "$DATA/rules/corpus.rules" "$CORPUS"
chmod 0640 "$CORPUS"
nrules=$(grep -c '^-' "$CORPUS")

# Keys that select a few rules each (-l -k), one that selects none.
KEYS="f_pid cmp identity access login_users prepended second network"
KEYS="$KEYS no_such_key_zz"

# compare_listings TAG: with the kernel as it is, ours and the reference
# list it the same way: plain, -i, and -k for each of KEYS.
compare_listings() {
	run_capture "ref_l" kref -l
	run_capture "ours_l" ours -l
	same_run "$1: ours -l lists what the reference lists" ref_l ours_l
	run_capture "ref_li" kref -l -i
	run_capture "ours_li" ours -l -i
	# Known gap (docs/COMPAT.md): -l -i does not yet decode a0-a3 by
	# syscall (modes, user names, flags); that comes with the field
	# interpreter of ausearch -i. Those lines are set aside, counted.
	for _w in ref_li ours_li; do
		grep -v -- ' -F a[0-3][!=<>&]' "$TMP/$_w.out" >"$TMP/$_w.rest"
		mv "$TMP/$_w.rest" "$TMP/$_w.out"
	done
	same_run "$1: ours -l -i (rules without a0-a3 fields)" ref_li ours_li
	skip "$1: -l -i of $(grep -c -- ' -F a[0-3]' "$TMP/ref_l.out") rules with a0-a3 fields: per-syscall decoding not written yet"
	for k in $KEYS; do
		run_capture "ref_lk" kref -l -k "$k"
		run_capture "ours_lk" ours -l -k "$k"
		same_run "$1: ours -l -k $k" ref_lk ours_lk
	done
}

# (a) the reference loads, both list.
scenario_reference_loads() {
	kref -D >/dev/null 2>&1
	run_capture ref_load kref -R "$CORPUS"
	check "reference loads the corpus (exit 0)" test "$(rc_of ref_load)" = 0
	kernel_rules "$TMP/A"
	check "kernel holds all $nrules corpus rules" \
		test "$(grep -c '^-' "$TMP/A")" = "$nrules"
	compare_listings "reference-loaded"
}

# (b) ours loads, both list.
scenario_ours_loads() {
	kref -D >/dev/null 2>&1
	run_capture ours_load ours -R "$CORPUS"
	same_run "ours -R corpus: exit code, stdout, stderr as the reference's" \
		ref_load ours_load
	kernel_rules "$TMP/B"
	same_file "after ours -R, the reference lists A" "$TMP/A" "$TMP/B"
	run_capture ours_l ours -l
	same_file "after ours -R, ours lists A" "$TMP/A" "$TMP/ours_l.out"
	compare_listings "ours-loaded"
}

# An empty kernel lists as "No rules" in both.
scenario_empty() {
	kref -D >/dev/null 2>&1
	run_capture ref_empty kref -l
	run_capture ours_empty ours -l
	same_run "no rules: ours -l prints what the reference prints" \
		ref_empty ours_empty
}

# A rule without an arch, listed after a b32 rule: the reference prints
# its syscall numbers with the 32-bit table (chmod, x86_64 90, comes out
# as mmap, i386 90), so its listing no longer loads the same rule. Ours
# prints the native names (docs/COMPAT.md); reloading ours' listing gives
# the kernel the very same rules back.
scenario_no_arch_listing() {
	kref -D >/dev/null 2>&1
	kref -a always,exit -F arch=b32 -S open -k na_b32
	kref -a always,exit -S chmod -k na_native 2>/dev/null
	run_capture ref_na kref -l
	run_capture ours_na ours -l
	check "reference lists chmod (x86_64 90) as mmap after a b32 rule" \
		grep -q -- '-S mmap -F key=na_native' "$TMP/ref_na.out"
	check "ours lists it as chmod" \
		grep -q -- '^-a always,exit -S chmod -F key=na_native$' "$TMP/ours_na.out"
	kernel_rules "$TMP/na_before"
	cp "$TMP/ours_na.out" "$TMP/na.rules"
	chmod 0600 "$TMP/na.rules"
	kref -D >/dev/null 2>&1
	kref -R "$TMP/na.rules" >/dev/null 2>&1
	kernel_rules "$TMP/na_after"
	same_file "ours' listing reloads into the same kernel rules" \
		"$TMP/na_before" "$TMP/na_after"
	kref -D >/dev/null 2>&1
}

kref -e 0 >/dev/null 2>&1
scenario_reference_loads
scenario_ours_loads
scenario_empty
scenario_no_arch_listing
plan_done
