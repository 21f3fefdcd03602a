#!/bin/sh
# ausearch_opts.sh: ausearch's command line against the reference's: every
# option's missing-argument and bad-value messages, conflicting formats,
# --help and --version, missing input files; same stdout, stderr and exit
# status.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../search_lib.sh"
[ -x "$REF_AUSEARCH" ] || skip_all "no reference ausearch"
[ -x "$BIN/ausearch" ] || skip_all "ausearch not built"
LOG=$DATA/ausearch/basic.log

search_same "--help" ausearch --help
search_same "-v" ausearch -v
search_same "--version" ausearch --version
search_same "unknown option" ausearch -if "$LOG" -Z
search_same "unknown word" ausearch -if "$LOG" -k x extra

# Every option that takes a value, with none.
for o in -a -c -e -f -ga -ge -gi -hn -k -m -n -o -p -pp -sc -se -su -sv \
	-tm -ua -ue -ui -ul -uu -vm -x --arch --session --checkpoint \
	--eoe-timeout --escape --format --event --comm --exit --file \
	--gid-all --host --key --message --node --object --pid --ppid \
	--syscall --context --subject --success --terminal --uid-all --uid \
	--loginuid --uuid --vm-name --executable --input -if -ts -te \
	--start --end; do
	search_same "missing value for $o" ausearch -if "$LOG" $o
done

# Values starting with '-' are missing values, except where legal.
for o in -a -p -pp -ui -ue -ua -gi -ge -ga -x -k -sc -m --eoe-timeout; do
	search_same "$o -5" ausearch -if "$LOG" $o -5
done
search_same "-ul -2 (legal)" ausearch -if "$LOG" -ul -2
search_same "--session -1 (legal)" ausearch -if "$LOG" --session -1
search_same "-e -13 (legal)" ausearch -if "$LOG" -e -13

# Bad values.
search_same "-a x" ausearch -if "$LOG" -a x
search_same "-a 1x" ausearch -if "$LOG" -a 1001x
search_same "-a huge" ausearch -if "$LOG" -a 99999999999999999999
search_same "-p x" ausearch -if "$LOG" -p x
search_same "-pp x" ausearch -if "$LOG" -pp x
search_same "--session x" ausearch -if "$LOG" --session x
search_same "-e x" ausearch -if "$LOG" -e x
search_same "-e EPERM" ausearch -if "$LOG" -e EPERM
for o in -ui -ue -ul -ua -gi -ge -ga; do
	search_same "$o unknown name" ausearch -if "$LOG" $o no_such_name_here
done
search_same "-ue root" ausearch -if "$LOG" -ue root
search_same "-gi root" ausearch -if "$LOG" -gi root
search_same "-sv maybe" ausearch -if "$LOG" -sv maybe
search_same "-sc bogus" ausearch -if "$LOG" -sc bogus
search_same "--arch bogus" ausearch -if "$LOG" --arch bogus
search_same "-sc before --arch" ausearch -if "$LOG" -sc open --arch b32
search_same "--arch before -sc" ausearch -if "$LOG" --arch b32 -sc open
search_same "-m bogus" ausearch -if "$LOG" -m bogus
search_same "-m list with bogus" ausearch -if "$LOG" -m SYSCALL,bogus
search_same "-m ALL in a list" ausearch -if "$LOG" -m ALL,SYSCALL
search_same "-m lower case" ausearch -if "$LOG" -m syscall
search_same "--eoe-timeout x" ausearch -if "$LOG" --eoe-timeout x
search_same "--eoe-timeout 0" ausearch -if "$LOG" --eoe-timeout 0
search_same "--escape bogus" ausearch -if "$LOG" --escape bogus
search_same "--format bogus" ausearch -if "$LOG" --format bogus

# Output formats that conflict.
search_same "-i -r" ausearch -if "$LOG" -i -r
search_same "-r -i" ausearch -if "$LOG" -r -i
search_same "-r -r" ausearch -if "$LOG" -r -r
search_same "-r --format raw" ausearch -if "$LOG" -r --format raw
search_same "--format csv -i" ausearch -if "$LOG" --format csv -i
search_same "--format raw --format text" ausearch -if "$LOG" --format raw --format text
search_same "--extra-keys without csv" ausearch -if "$LOG" --extra-keys
search_same "--extra-time with text" ausearch -if "$LOG" --format text --extra-time

# Input.
search_same "-if missing file" ausearch -if /nonexistent/audit.log
search_same "-if missing, later -if good" ausearch -if /nonexistent -if "$LOG" -k watch
search_same "-if directory without audit.log" ausearch -if "$DATA/ausearch" -k watch
mkdir "$TMP/logs" && cp "$LOG" "$TMP/logs/audit.log"
search_same "-if directory" ausearch -if "$TMP/logs" -k watch
search_same_stdin "stdin pipe" "$LOG" ausearch -k watch
search_same_stdin "stdin pipe, no match" "$LOG" ausearch -k no-such-key
search_same_stdin "stdin pipe, --raw" "$LOG" ausearch --raw -m USER_LOGIN
plan_done
