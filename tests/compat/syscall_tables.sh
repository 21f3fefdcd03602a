#!/bin/sh
# syscall_tables: our syscall tables name every number as the reference does.
#
# For each machine, the canonical (first) name of each number in
# lib/tables/syscall-ARCH.tbl must equal the reference's `ausyscall ARCH
# --dump`, number for number; aliases are ours alone and are not compared.
# The message type names are held against the list the reference's
# ausearch prints when given an unknown -m type.
. "$(dirname "$0")/../lib.sh"

REF_AUSYSCALL=/usr/bin/ausyscall
REF_AUSEARCH=/usr/sbin/ausearch
TABLES=$TOP/lib/tables
[ -x "$REF_AUSYSCALL" ] || skip_all "reference ausyscall missing (run scripts/bootstrap)"

# "number name" of each number's first name in a .tbl file, sorted.
canonical() {
	awk '{ sub(/#.*/, "") } NF == 2 && !seen[$2]++ { print $2, $1 }' "$1" | sort -n
}

for arch in x86_64 i386 aarch64 arm; do
	"$REF_AUSYSCALL" "$arch" --dump | awk 'NR > 1 { print $1, $2 }' |
		sort -n >"$TMP/ref.$arch"
	canonical "$TABLES/syscall-$arch.tbl" >"$TMP/our.$arch"
	same_file "syscall-$arch.tbl canonical names match ausyscall $arch --dump" \
		"$TMP/ref.$arch" "$TMP/our.$arch"
done

if [ -x "$REF_AUSEARCH" ]; then
	"$REF_AUSEARCH" -m NO_SUCH_TYPE --input /dev/null 2>&1 |
		sed -n 's/.*Valid message types are: //p' | tr ' ' '\n' |
		grep -v -e '^$' -e '^ALL$' | sort >"$TMP/ref.msgtype"
	awk '{ sub(/#.*/, "") } NF == 2 { print $1 }' "$TABLES/msgtype.tbl" |
		sort >"$TMP/our.msgtype"
	check "the reference listed its message types" test -s "$TMP/ref.msgtype"
	same_file "msgtype.tbl names match the reference's ausearch -m list" \
		"$TMP/ref.msgtype" "$TMP/our.msgtype"
else
	skip "reference ausearch missing"
fi
plan_done
