#!/bin/sh
# auditctl_delete.sh (kernel): deleting rules. The corpus is loaded (by the
# reference), then one fixed list of delete commands runs: -D -k, -W with
# -p and -k, and -d/-W for every third corpus rule (its own text with -a or
# -A made -d and -w made -W). This is done once with the reference and once
# with ours, from the same start; every command's exit code, stdout and
# stderr and the kernel's final rule list must be the same. Then deleting
# what is not there, and -D itself (it prints "No rules" when the list
# ends up empty). Audit is off (-e 0) meanwhile; kernel_begin restores
# the kernel on exit.
. "$(dirname "$0")/../lib.sh"
kernel_begin
set -f # command lines are split on blanks and never globbed

[ -x "$OURS" ] || diag "no $OURS: every comparison below fails"

CORPUS=$TMP/corpus.rules
cp "$DATA/rules/corpus.rules" "$CORPUS"
chmod 0640 "$CORPUS"

# Deletions by key and by watch, then the every-third subset. The subset
# skips rules these first commands already remove (-D -k K takes every
# rule whose key contains K: "-D -k cmp" also removes cmp_reversed and
# watch_cmp), so that with the reference every command succeeds.
cat >"$TMP/cmds" <<'EOF'
-D -k cmp
-D -k f_a0
-D -k identity
-D -k login_users
-W /etc/shadow -p wa -k shadow
-W /etc/hosts -p wa -k hosts -k network
-W /etc/passwd -p wa
-W /etc/audit/ -p wa -k auditconfig
-W /var/log/audit/ -k auditlog
EOF
grep '^-' "$CORPUS" |
	grep -v -E -e '(-k |key=)[^ ]*(cmp|f_a0|identity|login_users)' \
		-e '^-w /etc/shadow -p wa' -e '^-w /etc/hosts -p wa -k hosts' \
		-e '^-w /etc/passwd -p wa$' -e '^-w /etc/audit/' -e '^-w /var/log/audit/' |
	awk 'NR % 3 == 0' |
	sed -e 's/^-[aA] /-d /' -e 's/^-w /-W /' >>"$TMP/cmds"
ncmds=$(wc -l <"$TMP/cmds")

# run_cmds WHO: run every line of cmds with WHO (kref or ours), logging
# each command with its exit code, stdout and stderr to $TMP/WHO.log.
run_cmds() {
	: >"$TMP/$1.log"
	while read -r _c; do
		run_capture one "$1" $_c
		{
			echo "\$ auditctl $_c"
			echo "exit $(rc_of one)"
			sed 's/^/out: /' "$TMP/one.out"
			sed 's/^/err: /' "$TMP/one.err"
		} >>"$TMP/$1.log"
	done <"$TMP/cmds"
}

scenario_delete_subset() {
	kref -D >/dev/null 2>&1
	kref -R "$CORPUS" >/dev/null 2>&1
	run_cmds kref
	kernel_rules "$TMP/kref.after"
	check "reference: all $ncmds delete commands succeed" \
		test "$(grep -c '^exit 0$' "$TMP/kref.log")" = "$ncmds"
	run_capture ref_D kref -D

	kref -R "$CORPUS" >/dev/null 2>&1
	run_cmds ours
	kernel_rules "$TMP/ours.after"
	same_file "each delete command: same exit, stdout, stderr" \
		"$TMP/kref.log" "$TMP/ours.log"
	same_file "kernel rules after the deletes" \
		"$TMP/kref.after" "$TMP/ours.after"
	run_capture ours_D ours -D
	kernel_rules "$TMP/ours.final"
	same_file "-D on the rest: same output" "$TMP/ref_D.out" "$TMP/ours_D.out"
	check "-D on the rest: exit 0, kernel empty" \
		test "$(rc_of ours_D)" = 0 -a "$(cat "$TMP/ours.final")" = "No rules"
}

# Commands that find nothing to delete, on an empty kernel and on one
# holding a rule (so -D -k that removes nothing prints nothing).
scenario_delete_missing() {
	kref -D >/dev/null 2>&1
	for state in empty one-rule; do
		[ "$state" = one-rule ] &&
			kref -a always,exit -F arch=b64 -S openat -k keep_me
		while read -r _c; do
			run_capture ref_m kref $_c
			run_capture ours_m ours $_c
			if cmp -s "$TMP/ref_m.rc" "$TMP/ours_m.rc" &&
				cmp -s "$TMP/ref_m.out" "$TMP/ours_m.out" &&
				cmp -s "$TMP/ref_m.err" "$TMP/ours_m.err"; then
				ok "$state kernel: auditctl $_c"
			else
				not_ok "$state kernel: auditctl $_c"
				diag "exit: reference $(rc_of ref_m), ours $(rc_of ours_m)"
				diff -u "$TMP/ref_m.err" "$TMP/ours_m.err" | sed -n '3,6s/^/#   /p'
				diff -u "$TMP/ref_m.out" "$TMP/ours_m.out" | sed -n '3,6s/^/#   /p'
			fi
		done <<'EOF'
-d always,exit -F arch=b64 -S openat -k never_added_zz
-d never,task -F uid=4242
-W /etc/never_watched_zz
-W /etc/passwd -p r -k never_added_zz
-D -k never_added_zz
EOF
	done
	kref -D >/dev/null 2>&1
}

kref -e 0 >/dev/null 2>&1
scenario_delete_subset
scenario_delete_missing
plan_done
