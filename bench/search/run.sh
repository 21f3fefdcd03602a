#!/bin/sh
# bench/search/run.sh: the search benchmark (make bench; never make check).
#
# Times, in one run and on the same generated logs, our ausearch and
# aureport ($AUDITKIT_BUILD/bin/), the reference's (/usr/sbin/ausearch,
# /usr/sbin/aureport) and the ceiling (grep -c KEY, cat >/dev/null) on the
# queries people run: ausearch -k, -m, -i -k, a one-hour -ts/-te window,
# -p, -x; aureport --summary, -x --summary, -k --summary, -au.
#
# Logs come from bench/search/gen (deterministic: a given size is always
# the same bytes) at RATE events a second (default 5000: a busy server; at
# that density the reference needs about 2.5 s for any query on 10 MB, the
# figure the search issue measured; RATE=0 spreads the log over 7 days
# instead, where the reference groups few events at once and is far
# faster), cached in $WORK (default /var/tmp/auditkit-bench/search,
# outside the repository) and rebuilt only when gen changes. Every timed
# run reads from the page cache: each file is read once before its
# queries. The reference runs only on the sizes in REF_SIZES (default the
# 100 MB file: the reference aureport's time grows faster than the log, and
# on 1 GB it would take over 10 minutes a query); ours runs on every size. Runs alternate programs, in an order
# reversed every other round, so the two shared cores' noise spreads over
# all of them. Reported per query: best wall time of ROUNDS, the ratios,
# peak RSS (largest of the rounds), and whether ours printed the same
# stdout bytes and exit status as the reference (where the reference ran).
# A program that is missing, crashes, times out or exits differently from
# the reference is reported as failed, never hidden.
#
# Environment: SIZES ("100M 1G"), REF_SIZES ("100M"), ROUNDS (3), REF_ROUNDS
# (rounds of the reference, 1: a query takes it tens of seconds), RATE, QUICK=1
# (a 5 MB log, one round: to test this script), TIMEOUT (seconds a run may
# take, 1200), WORK, AUDITKIT_BUILD, RESULTS (default bench/results).
set -u

TOP=$(cd "$(dirname "$0")/../.." && pwd)
: "${AUDITKIT_BUILD:=$TOP/build}"
AUDITKIT_BUILD=$(cd "$AUDITKIT_BUILD" 2>/dev/null && pwd || echo "$AUDITKIT_BUILD")
GEN=$AUDITKIT_BUILD/bench/search/gen
MEASURE=$AUDITKIT_BUILD/bench/search/measure
OURS_DIR=$AUDITKIT_BUILD/bin
REF_DIR=/usr/sbin
: "${WORK:=/var/tmp/auditkit-bench/search}"
: "${RESULTS:=$TOP/bench/results}"
: "${TIMEOUT:=1200}"
: "${RATE:=5000}"
: "${REF_ROUNDS:=1}"
if [ "${QUICK:-0}" = 1 ]; then
	: "${SIZES:=5M}" "${REF_SIZES:=5M}" "${ROUNDS:=1}"
else
	: "${SIZES:=100M 1G}" "${REF_SIZES:=100M}" "${ROUNDS:=3}"
fi

say() { echo "search: $*" >&2; }
die() { say "$*"; exit 1; }

if [ ! -x "$GEN" ] || [ ! -x "$MEASURE" ]; then
	die "$GEN or $MEASURE missing: build first (make build)"
fi
if [ ! -x "$REF_DIR/ausearch" ] || [ ! -x "$REF_DIR/aureport" ]; then
	die "reference ausearch/aureport missing (run scripts/bootstrap)"
fi
mkdir -p "$WORK" || die "cannot create $WORK"
W=$(mktemp -d "$WORK/run.XXXXXX") || die "cannot create a run directory in $WORK"
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT TERM HUP

# Everything both sides run under: the same zone and locale.
export TZ=UTC LC_ALL=C

# ---- the logs ----

# log_for SIZE: generate $WORK/audit-SIZE.log (and .info) unless the cached
# one was made by this very gen.
log_for() {
	_log=$WORK/audit-$1.log
	_stamp="$(cksum <"$GEN" | cut -d' ' -f1)-r$RATE"
	if [ -s "$_log" ] && [ -s "$_log.info" ] &&
		grep -qx "gen=$_stamp" "$_log.info"; then
		return 0
	fi
	say "generating $_log"
	if [ "$RATE" = 0 ]; then set -- "$1" -d 7; else set -- "$1" -r "$RATE"; fi
	"$GEN" -s "$1" "$2" "$3" -i "$_log.info.new" >"$_log.new" || die "gen -s $1 failed"
	echo "gen=$_stamp" >>"$_log.info.new"
	mv "$_log.new" "$_log" && mv "$_log.info.new" "$_log.info"
}

info() { sed -n "s/^$2=//p" "$WORK/audit-$1.log.info"; }

# ---- the queries ----

# queries SIZE: "name<TAB>program<TAB>arguments" lines; the arguments are
# split on spaces, @LOG@ becomes the log and @...@ the facts gen wrote.
queries() {
	_mid=$(info "$1" mid)
	_win=$(info "$1" window)
	_ts="$(date -u -d "@$_mid" '+%m/%d/%y %H:%M:%S')"
	_te="$(date -u -d "@$((_mid + _win))" '+%m/%d/%y %H:%M:%S')"
	cat <<EOF
ausearch -k	ausearch	-if @LOG@ -k $(info "$1" key)
ausearch -m	ausearch	-if @LOG@ -m AVC
ausearch -i -k	ausearch	-if @LOG@ -i -k $(info "$1" key)
ausearch -ts -te ($_win s)	ausearch	-if @LOG@ -ts $_ts -te $_te
ausearch -p	ausearch	-if @LOG@ -p $(info "$1" pid)
ausearch -x	ausearch	-if @LOG@ -x $(info "$1" exe)
aureport --summary	aureport	-if @LOG@ --summary
aureport -x --summary	aureport	-if @LOG@ -x --summary
aureport -k --summary	aureport	-if @LOG@ -k --summary
aureport -au	aureport	-if @LOG@ -au
EOF
}

is_ref_size() {
	for _s in $REF_SIZES; do [ "$_s" = "$1" ] && return 0; done
	return 1
}

# run_one SIZE QUERY WHO ROUND OUTFILE CMD...: one timed run; a TSV row.
run_one() {
	ro_size=$1 ro_q=$2 ro_who=$3 ro_round=$4 ro_out=$5
	shift 5
	"$MEASURE" -t "$TIMEOUT" -o "$W/m" -- "$@" >"$ro_out" 2>"$W/err.$ro_who" </dev/null
	read -r ro_wall ro_rss ro_rc <"$W/m" || { ro_wall=0 ro_rss=0 ro_rc=127; }
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ro_size" "$ro_q" "$ro_who" "$ro_round" \
		"$ro_wall" "$ro_rss" "$ro_rc" "$(wc -c <"$ro_out")" >>"$W/rows.tsv"
	say "$ro_size round $ro_round $ro_q $ro_who: ${ro_wall}s, ${ro_rss} kB, exit $ro_rc"
}

# rc_for SIZE QUERY WHO ROUND: the exit status of that run, if it ran.
rc_for() {
	awk -F'\t' -v s="$1" -v q="$2" -v w="$3" -v r="$4" \
		'$1 == s && $2 == q && $3 == w && $4 == r { print $7 }' "$W/rows.tsv"
}

# verdict SIZE QUERY PROGRAM: ours against the reference, from round 1's output.
verdict() {
	_rrc=$(rc_for "$1" "$2" reference 1)
	_orc=$(rc_for "$1" "$2" ours 1)
	if [ ! -x "$OURS_DIR/$3" ]; then
		_v="ours not built"
	elif [ "$_orc" -ge 124 ] 2>/dev/null; then
		_v="ours failed (exit $_orc$([ "$_orc" = 124 ] && echo ": timed out"))"
	elif [ "$_rrc" -ge 124 ] 2>/dev/null; then
		_v="reference failed (exit $_rrc$([ "$_rrc" = 124 ] && echo ": timed out")): not compared"
	elif [ -z "$_rrc" ] && [ "$_orc" = 0 ]; then
		_v="not compared"
	elif [ -z "$_rrc" ] && [ "$_orc" = 1 ] && [ ! -s "$W/out.ours" ] &&
		grep -q "no matches" "$W/err.ours"; then
		_v="no matches (not compared)"
	elif [ -z "$_rrc" ]; then
		_v="ours failed (exit $_orc)"
	elif [ "$_rrc" != "$_orc" ]; then
		_v="ours failed (exit $_orc, reference $_rrc)"
	elif cmp -s "$W/out.reference" "$W/out.ours"; then
		_v="same"
	else
		_v="DIFFERS ($(wc -c <"$W/out.reference") vs $(wc -c <"$W/out.ours") bytes, first at line $(cmp "$W/out.reference" "$W/out.ours" 2>/dev/null | sed -n 's/.* line //p'))"
	fi
	printf '%s\t%s\t%s\n' "$1" "$2" "$_v" >>"$W/verdicts.tsv"
	say "$1 $2: $_v"
}

# One query on one size: ROUNDS rounds of each program, alternating.
bench_query() {
	_size=$1 _name=$2 _prog=$3 _args=$4 _log=$WORK/audit-$1.log
	_who="ours"
	is_ref_size "$_size" && _who="reference ours"
	_r=1
	while [ "$_r" -le "$ROUNDS" ]; do
		_order=$_who
		# shellcheck disable=SC2086 # split the list on purpose
		[ $((_r % 2)) = 0 ] && _order=$(printf '%s\n' $_who | tac | tr '\n' ' ')
		for _w in $_order; do
			case $_w in
			reference) _bin=$REF_DIR/$_prog ;;
			ours) _bin=$OURS_DIR/$_prog ;;
			esac
			# shellcheck disable=SC2046 # the arguments split on purpose
			set -- $(echo "$_args" | sed "s|@LOG@|$_log|g")
			run_one "$_size" "$_name" "$_w" "$_r" "$W/out.$_w.$_r" "$_bin" "$@"
			[ "$_r" = 1 ] || rm -f "$W/out.$_w.$_r"
		done
		# The reference runs REF_ROUNDS rounds only.
		if [ "$_r" = "$REF_ROUNDS" ]; then
			# shellcheck disable=SC2086 # split the list on purpose
			_who=$(printf '%s\n' $_who | grep -vx reference | tr '\n' ' ')
		fi
		# A crash or a timeout is not worth repeating (a timeout costs
		# TIMEOUT seconds a round): ours is not run again.
		if [ "$_r" = 1 ] && [ "$(rc_for "$_size" "$_name" ours 1)" -ge 124 ]; then
			# shellcheck disable=SC2086 # split the list on purpose
			_who=$(printf '%s\n' $_who | grep -vx ours | tr '\n' ' ')
		fi
		_r=$((_r + 1))
	done
	[ -f "$W/out.reference.1" ] && mv "$W/out.reference.1" "$W/out.reference"
	mv "$W/out.ours.1" "$W/out.ours"
	is_ref_size "$_size" || rm -f "$W/out.reference"
	verdict "$_size" "$_name" "$_prog"
	rm -f "$W/out.reference" "$W/out.ours"
}

# The ceiling: grep -c KEY and cat >/dev/null, ROUNDS rounds each.
bench_ceiling() {
	_log=$WORK/audit-$1.log
	_r=1
	while [ "$_r" -le "$ROUNDS" ]; do
		run_one "$1" "grep -c KEY" ceiling "$_r" "$W/out.grep" grep -c "$(info "$1" key)" "$_log"
		run_one "$1" "cat >/dev/null" ceiling "$_r" /dev/null cat "$_log"
		_r=$((_r + 1))
	done
}

# ---- the run ----

: >"$W/rows.tsv"
: >"$W/verdicts.tsv"
START=$(date +%s)
for size in $SIZES; do
	log_for "$size"
done
TAB=$(printf '\t')
for size in $SIZES; do
	cat "$WORK/audit-$size.log" >/dev/null	# into the page cache
	bench_ceiling "$size"
	queries "$size" >"$W/queries"
	while IFS=$TAB read -r name prog args; do
		bench_query "$size" "$name" "$prog" "$args" </dev/null
	done <"$W/queries"
done
ELAPSED=$(( $(date +%s) - START ))

# ---- the report ----

report() {
	echo "## Search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "- machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), kernel $(uname -r), $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "- command: ${QUICK:+QUICK=$QUICK }SIZES=\"$SIZES\" REF_SIZES=\"$REF_SIZES\" ROUNDS=$ROUNDS sh bench/search/run.sh ($ELAPSED s); ours: $OURS_DIR, reference: $REF_DIR (auditd $(dpkg-query -W -f '${Version}' auditd 2>/dev/null))"
	for size in $SIZES; do
		echo "- log $size: $(info "$size" bytes) bytes, $(info "$size" events) events over $(( $(info "$size" end) - $(info "$size" start) )) s from $(date -u -d "@$(info "$size" start)" '+%Y-%m-%d %H:%M') UTC ($(info "$size" rate) events/s; 0: spread over 7 days), RAW format (bench/search/gen); key $(info "$size" key) in $(info "$size" key_events) events; -p $(info "$size" pid); -x $(info "$size" exe); -ts/-te the $(info "$size" window) s from $(date -u -d "@$(info "$size" mid)" '+%m/%d/%y %H:%M:%S') UTC"
	done
	echo "- the reference runs on $REF_SIZES only, $REF_ROUNDS round(s) (REF_SIZES, REF_ROUNDS to change it): on a busy log its time per query is tens of seconds per 100 MB, so on 1 GB the ten queries would take hours"
	echo "- wall time: best of $ROUNDS (the reference: of $REF_ROUNDS), from the page cache, TZ=UTC LC_ALL=C, output to a file; peak RSS: ru_maxrss (bench/search/measure); \"same\": ours printed the reference's stdout bytes and exit status"
	echo
	awk -F'\t' -v rounds="$ROUNDS" -f "$TOP/bench/search/report.awk" "$W/rows.tsv" "$W/verdicts.tsv"
	echo
	echo "<details><summary>raw rows</summary>"
	echo
	echo '```'
	echo "size	query	program	round	wall_seconds	maxrss_kb	exit	stdout_bytes"
	cat "$W/rows.tsv"
	echo '```'
	echo "</details>"
}

mkdir -p "$RESULTS"
OUT=$RESULTS/search-$(date -u +%Y%m%d-%H%M%S).md
report | tee "$OUT"
say "written to $OUT"
