#!/bin/sh
# aureport_options: options and inputs of ours against the reference's:
# bad options and values (message, usage, status), help and version, time
# ranges (-ts/-te with dates, times and keywords), --node, -nc, --debug,
# --eoe-timeout, --escape, stdin (a pipe), a directory (-if DIR), missing
# and empty files.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../search_lib.sh"

[ -x "$REF_AUREPORT" ] || skip_all "reference aureport missing (run scripts/bootstrap)"
[ -x "$BIN/aureport" ] || skip_all "$BIN/aureport not built"

M=$DATA/aureport/mixed.log
N=$DATA/auditd-format/raw-node.log

# Bad options and values: the message on stderr, usage on stdout, status 1.
search_same "unknown option" aureport --bogus
search_same "a bare word" aureport extra
search_same "two reports" aureport -e -x
search_same "the same report twice" aureport -e -e
search_same "-if without a value" aureport -if
search_same "--node without a value" aureport --node
search_same "--eoe-timeout without a value" aureport --eoe-timeout
search_same "--eoe-timeout not a number" aureport --eoe-timeout x
search_same "--escape without a value" aureport --escape
search_same "--escape unknown mode" aureport --escape zzz
search_same "-ts without a value" aureport -ts
search_same "-te followed by an option" aureport -te -e
search_same "-ts bad date" aureport -ts bogus
search_same "-te bad date" aureport -te 99/99/99
search_same "--help" aureport --help
search_same "-v" aureport -v
search_same "--version" aureport --version
search_same "-t --summary is unimplemented" aureport -if "$M" -t --summary
search_same "--tty --summary is unimplemented" aureport -if "$M" --tty --summary

# Time ranges.
search_same "-ts date time -te date time" aureport -if "$M" \
	-ts 11/14/23 22:13:30 -te 11/14/23 22:13:33
search_same "-ts -te with -e" aureport -if "$M" -e \
	-ts 11/14/23 22:13:30 -te 11/14/23 22:13:33
search_same "-ts only" aureport -if "$M" -x -ts 11/14/23 22:13:30
search_same "-te only" aureport -if "$M" -x -te 11/14/23 22:13:25
search_same "-ts date only, summary" aureport -if "$M" -x --summary -ts 11/14/23
search_same "-ts today (nothing selected)" aureport -if "$M" -ts today
search_same "-ts today -x (nothing selected)" aureport -if "$M" -ts today -x
search_same "-te now" aureport -if "$M" -te now -e
search_same "-te before every event, -t" aureport -if "$M" -t -te 11/14/23 22:13:25
search_same "-ts this-year" aureport -if "$M" -ts this-year

# Other filters and options.
search_same "--node no such node" aureport -if "$N" --node nosuch -e
search_same "--node fmt-node" aureport -if "$N" --node fmt-node -e
search_same "--node twice" aureport -if "$N" --node x --node fmt-node -x
search_same "-nc -k" aureport -if "$M" -nc -k
search_same "-nc -c" aureport -if "$M" -nc -c
search_same "-nc summary" aureport -if "$M" -nc
search_same "--debug -e" aureport -if "$M" --debug -e
search_same "--debug summary" aureport -if "$M" --debug
for r in -u -x -tm --comm -h -p; do
	search_same "--debug $r" aureport -if "$M" --debug $r
done
search_same "--eoe-timeout 5" aureport -if "$M" --eoe-timeout 5 -e
search_same "--escape raw" aureport -if "$M" --escape raw -x
search_same "--failed --success: the last wins" aureport -if "$M" --failed --success
search_same "--success --failed -x --summary" aureport -if "$M" --success --failed -x --summary
search_same "-i -i" aureport -if "$M" -i -i -u

# Inputs.
search_same "missing -if file" aureport -if /nonexistent/audit.log
search_same "missing -if file, -x" aureport -if /nonexistent/audit.log -x
: >"$TMP/empty.log"
search_same "empty file, summary" aureport -if "$TMP/empty.log"
search_same "empty file, -x" aureport -if "$TMP/empty.log" -x
search_same "empty file, -x --summary" aureport -if "$TMP/empty.log" -x --summary
search_same "empty file, -t" aureport -if "$TMP/empty.log" -t
mkdir -p "$TMP/dir"
cp "$M" "$TMP/dir/audit.log"
search_same "-if DIRECTORY" aureport -if "$TMP/dir" -x
if [ -d "$DATA/search/rotated-plain" ]; then
	search_same "-if rotated set, summary" aureport -if "$DATA/search/rotated-plain"
	search_same "-if rotated set, -e" aureport -if "$DATA/search/rotated-plain" -e
	search_same "-if rotated set, -x --summary" aureport -if "$DATA/search/rotated-plain" -x --summary
else
	skip "tests/data/search/rotated-plain missing"
fi
# No -if and stdin not a pipe: the log named by auditd.conf (both read
# the same file; it is only read).
if [ -r /var/log/audit/audit.log ]; then
	search_same "default input: the configured log" aureport -e
	search_same "--input-logs" aureport --input-logs -x
else
	skip "/var/log/audit/audit.log not readable"
fi
for a in "" -x -e "-u --summary" -t; do
	search_same_stdin "stdin pipe: ${a:-summary}" "$M" aureport $a
done
search_same_stdin "stdin pipe, raw-node -h" "$N" aureport -h

plan_done
