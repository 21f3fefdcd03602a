#!/bin/sh
# augenrules_status.sh: messages, exit status and files left behind, ours
# against the reference: missing rules directory, unchanged output ("No
# change"), --check on changed, unchanged and missing output, the .prev
# copy, file modes, bad arguments.
. "$(dirname "$0")/../lib.sh"
. "$DATA/augenrules/helpers.sh"
ar_setup
rd=$DATA/augenrules/basic

# First write, no output yet: no message, no .prev, exit 0.
ar_both first "$rd"
ar_compare first
check "first: quiet" test ! -s "$TMP/first.ours/out"

# The rules directory is missing, or is not a directory.
ar_both nodir "$TMP/no-such-dir"
ar_compare nodir
ar_expect "nodir: message" nodir ours out \
	"./augenrules: No rules directory - $TMP/no-such-dir
"
: >"$TMP/plain-file"
ar_both notdir "$TMP/plain-file"
ar_compare notdir

# Unchanged output: "No change", nothing rewritten, no .prev.
ar_seed same "$TMP/first.ref/audit.rules"
ino=$(stat -c %i "$TMP/same.ours/audit.rules")
ar_both same "$rd"
ar_compare same
ar_expect "same: message" same ours out "./augenrules: No change
"
check "same: file not rewritten" test "$(stat -c %i "$TMP/same.ours/audit.rules")" = "$ino"

# Changed output: replaced, old contents kept as .prev; a 0600 or 0644
# output comes back 0640, and .prev never gets more than 0640.
for m in 600 644; do
	printf '## old\n-w /old -k old\n' >"$TMP/old.rules"
	ar_seed "changed$m" "$TMP/old.rules"
	chmod "$m" "$TMP/changed$m.ours/audit.rules" "$TMP/changed$m.ref/audit.rules"
	ar_both "changed$m" "$rd"
	ar_compare "changed$m"
	same_file "changed$m: .prev is the old file" "$TMP/old.rules" "$TMP/changed$m.ours/audit.rules.prev"
done

# An existing .prev is replaced.
ar_seed prev "$TMP/old.rules"
for i in ours ref; do
	echo stale >"$TMP/prev.$i/audit.rules.prev"
	chmod 640 "$TMP/prev.$i/audit.rules.prev"
done
ar_both prev "$rd"
ar_compare prev
# Deliberate difference: the reference copies into an existing .prev and
# so keeps its mode, even a world-readable one; ours never leaves more
# than 0640 on a copy of the rules.
ar_seed prev644 "$TMP/old.rules"
echo stale >"$TMP/prev644.ours/audit.rules.prev"
chmod 644 "$TMP/prev644.ours/audit.rules.prev"
ar_run ours prev644 "$rd"
check "existing 0644 .prev comes back 0640" \
	test "$(stat -c %a "$TMP/prev644.ours/audit.rules.prev")" = 640

# --check never writes: changed, unchanged, and no output at all.
ar_seed check-changed "$TMP/old.rules"
ar_both check-changed "$rd" --check
ar_compare check-changed
ar_expect "--check changed: message" check-changed ours out \
	"./augenrules: Rules have changed and should be updated
"
ar_seed check-same "$TMP/first.ref/audit.rules"
ar_both check-same "$rd" --check
ar_compare check-same
ar_both check-none "$rd" --check
ar_compare check-none
check "--check: no output created" test ! -e "$TMP/check-none.ours/audit.rules"

# Repeated and combined flags are accepted.
ar_both repeat "$rd" --check --check
ar_compare repeat

# Bad arguments: usage on stdout, exit 1, nothing written.
n=0
for args in --bogus -c --CHECK --check=yes "--check --bogus" "--load extra" --help ""; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # split on purpose; "" means one empty argument
	if [ -z "$args" ]; then ar_both "usage$n" "$rd" ""; else ar_both "usage$n" "$rd" $args; fi
	ar_compare "usage$n"
done
ar_expect "usage: message" usage1 ours out "Usage: ./augenrules [--check|--load]
"

# The program name in messages is argv[0], as the reference's $0.
out=$(AUGENRULES_RULES_DIR=$TMP/no-such-dir AUGENRULES_OUTPUT=$TMP/x.rules "$BIN/augenrules")
check "program name as called" test "$out" = "$BIN/augenrules: No rules directory - $TMP/no-such-dir"

plan_done
