#!/bin/sh
# ausearch_criteria.sh: every search criterion against the reference on a
# crafted log (tests/data/ausearch/basic.log): same events, same bytes,
# same exit status (1 and "<no matches>" when nothing matches).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../search_lib.sh"
[ -x "$REF_AUSEARCH" ] || skip_all "no reference ausearch"
[ -x "$BIN/ausearch" ] || skip_all "ausearch not built"
LOG=$DATA/ausearch/basic.log

while read -r args; do
	case $args in ''|'#'*) continue ;; esac
	# shellcheck disable=SC2086
	search_same "$args" ausearch -if "$LOG" $args
done <<'CASES'
# no criteria, and every event type
-m ALL
-a 1001
-a 1
-m SYSCALL
-m PATH,CWD
-m USER_LOGIN -m USER_AUTH
-m 1300
-n n1
-n nosuchnode
-n nosuchnode -n n1
-f passwd
-f /etc/passwd
-w -f /etc/passwd
-w -f passwd
-f /root
-k watch
-w -k watch
-k filekey
-k nosuchkey
-x cat
-x /usr/bin/cat
-w -x /usr/bin/ca
-c cat
-w -c ca
-hn 10.0.0.1
-hn 10.0.0
-w -hn 10.0.0
-tm pts
-tm pts/0
-tm ssh
-tm cron
-ua 1000
-ua 54321
-ui 1000
-ui 0
-ue 0
-ue root
-ul 54321
-ul -1
-ul -2
-ul 4294967295
-gi 0
-ge 0
-ga 0
-p 740
-p 802
-pp 657
--session 3
--session -1
-sv yes
-sv no
-e -13
-e 0
-sc open
-sc 2
-sc openat
--arch x86_64
--arch b32
--arch b64 -sc open
-se unconfined_t
-su unconfined_u
-o x
-uu x
-vm x
-k watch -x cat
-p 740 -sv no
--just-one
--just-one -sv no
-ts today
-te yesterday
CASES
plan_done
