# tests/search_lib.sh: differential helpers for the log tools (ausearch,
# aureport, ausyscall), sourced after tests/lib.sh.
#
# Both sides run with the same environment: TZ and LC_ALL fixed (override
# with SEARCH_TZ / SEARCH_LC), stdin from /dev/null unless the case pipes
# its input, a time limit so that a hang is a failure. The reference is
# called by absolute path, ours by build path.

REF_AUSEARCH=/usr/sbin/ausearch
REF_AUREPORT=/usr/sbin/aureport
REF_AUSYSCALL=/usr/bin/ausyscall
SEARCH_TZ=${SEARCH_TZ:-UTC}
SEARCH_LC=${SEARCH_LC:-C}
SEARCH_TIMEOUT=${SEARCH_TIMEOUT:-60}

# ref_path PROG / ours_path PROG: the two programs of that name.
ref_path() {
	case $1 in
	ausyscall) echo "$REF_AUSYSCALL" ;;
	*) echo "/usr/sbin/$1" ;;
	esac
}
ours_path() { echo "$BIN/$1"; }

# search_run NAME PROG ARGS...: run PROG with ARGS, capturing NAME.out,
# NAME.err, NAME.rc in $TMP (see run_capture). PROG is a path.
search_run() {
	_sn=$1; shift
	run_capture "$_sn" env TZ="$SEARCH_TZ" LC_ALL="$SEARCH_LC" \
		timeout "$SEARCH_TIMEOUT" "$@" </dev/null
}

# search_same DESC PROG ARGS...: the reference's PROG and ours, run with
# ARGS, give the same exit code, stdout and stderr (one TAP line, a diff
# when not). Program names in stderr ("ausearch: ...") are the same on
# both sides, since both are called by that name.
search_same() {
	_desc=$1; _prog=$2; shift 2
	search_run ref "$(ref_path "$_prog")" "$@"
	search_run ours "$(ours_path "$_prog")" "$@"
	same_run "$_desc" ref ours
}

# search_same_stdin DESC FILE PROG ARGS...: as search_same, with FILE as
# stdin (a pipe, as when logs are piped in).
search_same_stdin() {
	_desc=$1; _in=$2; _prog=$3; shift 3
	run_capture ref sh -c 'in=$1 tz=$2 lc=$3 to=$4 prog=$5; shift 5
		cat "$in" | env TZ="$tz" LC_ALL="$lc" timeout "$to" "$prog" "$@"' \
		sh "$_in" "$SEARCH_TZ" "$SEARCH_LC" "$SEARCH_TIMEOUT" "$(ref_path "$_prog")" "$@"
	run_capture ours sh -c 'in=$1 tz=$2 lc=$3 to=$4 prog=$5; shift 5
		cat "$in" | env TZ="$tz" LC_ALL="$lc" timeout "$to" "$prog" "$@"' \
		sh "$_in" "$SEARCH_TZ" "$SEARCH_LC" "$SEARCH_TIMEOUT" "$(ours_path "$_prog")" "$@"
	same_run "$_desc" ref ours
}

# search_todo WHY DESC PROG ARGS...: search_same for a case with a known
# gap: when the outputs differ, "not ok DESC # TODO WHY" (TAP's known
# failure, counted apart by tests/run) with the diff; with WHY empty, a
# plain failure.
search_todo() {
	_why=$1; _desc=$2; _prog=$3; shift 3
	search_run ref "$(ref_path "$_prog")" "$@"
	search_run ours "$(ours_path "$_prog")" "$@"
	if cmp -s "$TMP/ref.rc" "$TMP/ours.rc" && cmp -s "$TMP/ref.out" "$TMP/ours.out" &&
		cmp -s "$TMP/ref.err" "$TMP/ours.err"; then
		ok "$_desc"
	else
		not_ok "$_desc${_why:+ # TODO $_why}"
		diff -u "$TMP/ref.out" "$TMP/ours.out" | sed -n '3,10s/^/#   /p'
	fi
}
