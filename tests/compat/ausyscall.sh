#!/bin/sh
# ausyscall: ours against the reference (/usr/bin/ausyscall), byte for byte
# (stdout, stderr, exit status): every arch spelling, --dump per arch,
# --exact, partial names, numbers and bad command lines. Then what is
# ours alone: -v/--version, and a clear refusal for the ppc and s390
# arches, whose tables the reference has and auditkit does not.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/search_lib.sh"

[ -x "$REF_AUSYSCALL" ] || skip_all "reference ausyscall missing (run scripts/bootstrap)"
[ -x "$BIN/ausyscall" ] || skip_all "$BIN/ausyscall not built"

# Every arch spelling with a table here: by number, by name, dump.
for arch in x86_64 X86_64 i386 i486 i586 i686 I686 b32 b64 B64 aarch64 armv8l \
	arm armeb ARMEB armv5tejl armv5tel armv6l armv7l; do
	search_same "$arch: number 0" ausyscall "$arch" 0
	search_same "$arch: number 5" ausyscall "$arch" 5
	search_same "$arch: partial open" ausyscall "$arch" open
	search_same "$arch: exact read" ausyscall "$arch" read --exact
	search_same "$arch: unknown name" ausyscall "$arch" no_such_call
	search_same "$arch: unknown number" ausyscall "$arch" 9999
done
for arch in x86_64 i386 aarch64 arm b32 b64 armv7l; do
	search_same "$arch --dump" ausyscall "$arch" --dump
	search_same "--dump $arch --exact" ausyscall --dump "$arch" --exact
done
search_same "--dump, host arch" ausyscall --dump
search_same "--dump beats a name and a number" ausyscall open --dump 2

# Partial names: substrings anywhere, any case, every match in number order.
for name in open chown stat a _ __ time64 sched_get Open OPEN xattr set \
	mount io_uring landlock_create_ruleset socket '' 'pread64'; do
	search_same "partial '$name'" ausyscall "$name"
	search_same "partial '$name' i386" ausyscall i386 "$name"
	search_same "partial '$name' aarch64" ausyscall aarch64 "$name"
done

# --exact: canonical names only (kernel spellings like pread64 are unknown).
for name in open OPEN Open chown op pread pread64 getdents64 kexec_load \
	set_mempolicy_home_node openat _sysctl; do
	search_same "--exact $name" ausyscall --exact "$name"
	search_same "i386 --exact $name" ausyscall i386 --exact "$name"
	search_same "aarch64 --exact $name" ausyscall aarch64 "$name" --exact
	search_same "arm --exact $name" ausyscall --exact arm "$name"
done

# Numbers: decimal, trailing junk ignored, wrapped to int.
for num in 0 1 2 05 2x 59 283 334 335 424 450 451 4294967298 99999999999 9999x; do
	search_same "number $num" ausyscall "$num"
	search_same "number $num i386" ausyscall "$num" i386
	search_same "number $num arm" ausyscall arm "$num"
done

# Bad command lines.
search_same "no arguments" ausyscall
search_same "arch alone" ausyscall x86_64
search_same "--exact alone" ausyscall --exact
search_same "b32 alone" ausyscall b32
search_same "two names" ausyscall open read
search_same "two numbers" ausyscall 2 3
search_same "two numbers before a dump" ausyscall --dump 2 3
search_same "two names before a dump" ausyscall --dump a b
search_same "two arches" ausyscall x86_64 i386 open
search_same "two arches, b64 b32" ausyscall b64 b32 open
search_same "same arch twice" ausyscall x86_64 x86_64
search_same "a name wins over a number" ausyscall 2 read
search_same "name then two numbers" ausyscall read 2 3
search_same "unknown arch is a second name" ausyscall riscv64 open
search_same "unknown arch alone is a name" ausyscall sparc
search_same "arm64 is not an arch" ausyscall arm64 2
search_same "negative number is a name" ausyscall -1
search_same "-h is a name" ausyscall -h
search_same "--help is a name" ausyscall --help
search_same "-- is a name" ausyscall --
search_same "empty name with an arch" ausyscall x86_64 ''
search_same "empty name and a name" ausyscall '' open
search_same "--exact empty name" ausyscall --exact ''
search_same "ia64 is deprecated and ignored" ausyscall ia64 2
search_same "ia64 twice" ausyscall ia64 ia64 open
search_same "ia64 then an arch" ausyscall ia64 i386 open
search_same "ia64 alone" ausyscall ia64
search_same "IA64 is a name" ausyscall IA64
search_same "alpha ends the program" ausyscall alpha 2
search_same "alpha before a usage error" ausyscall alpha 2 3
search_same "usage error before alpha" ausyscall 2 3 alpha
search_same "ALPHA is a name" ausyscall ALPHA
search_same "tableless arch alone" ausyscall ppc
search_same "tableless arch then two numbers" ausyscall ppc 2 3
search_same "tableless arch and another arch" ausyscall s390x x86_64 2

# Ours alone: the version, and arches without a table here.
search_run ours "$BIN/ausyscall" -v
check "-v prints the version" grep -q '^ausyscall version .* (auditkit)$' "$TMP/ours.out"
check "-v exits 0" test "$(rc_of ours)" = 0
search_run ours "$BIN/ausyscall" x86_64 --version open
check "--version wins over a lookup" grep -q '^ausyscall version' "$TMP/ours.out"
for arch in ppc ppc64 ppc64le PPC64LE s390 s390x; do
	for args in "2" "open" "--dump"; do
		# shellcheck disable=SC2086 # one word each
		search_run ours "$BIN/ausyscall" "$arch" $args
		if [ "$(rc_of ours)" = 1 ] && [ ! -s "$TMP/ours.out" ] &&
			grep -q "^No $(echo "$arch" | tr '[:upper:]' '[:lower:]') syscall table: auditkit has tables for x86_64, i386, aarch64 and arm only$" "$TMP/ours.err"; then
			ok "$arch $args: no table here, said so, exit 1"
		else
			not_ok "$arch $args: no table here, said so, exit 1"
			diag "exit $(rc_of ours): $(cat "$TMP/ours.err")"
		fi
	done
done
plan_done
