#!/bin/sh
# augenrules_sort.sh: rules.d files are merged in `ls -v` order. Many
# generated names (digits, letters of both cases, '.', '-', '_', '~',
# '+', leading zeros, names equal but for zeros) are checked twice: the
# order of ours against the order `ls -1v` prints, and the merged file of
# ours against the reference's.
. "$(dirname "$0")/../lib.sh"
. "$DATA/augenrules/helpers.sh"
ar_setup

# gen_names SEED COUNT: COUNT pseudo-random stems, one per line, made of
# characters a shell word and the reference's `for` loop keep intact.
gen_names() {
	awk -v seed="$1" -v n="$2" 'BEGIN {
		srand(seed)
		alpha = "0123456789000111aAbBzZ.-_~+9"
		for (i = 0; i < n; i++) {
			len = 1 + int(rand() * 7)
			s = ""
			for (j = 0; j < len; j++)
				s = s substr(alpha, 1 + int(rand() * length(alpha)), 1)
			print s
		}
	}'
}

# make_dir DIR SEED COUNT: DIR holds one file per name; each file's only
# line names the file, so the merged output shows the order.
make_dir() {
	mkdir -p "$1"
	gen_names "$2" "$3" | while IFS= read -r stem; do
		case $stem in .*) continue ;; esac
		printf -- '-w /tmp/%s\n' "$stem.rules" >"$1/$stem.rules"
	done
}

for seed in 1 2 3 4; do
	d=$TMP/sort$seed.d
	make_dir "$d" "$seed" 150
	# shellcheck disable=SC2010 # ls -v is the oracle for the order
	(cd "$d" && ls -1v | grep '\.rules$' | sed 's|^|-w /tmp/|') >"$TMP/ls$seed.order"
	ar_both "sort$seed" "$d"
	sed '1,4d;$d' "$TMP/sort$seed.ours/audit.rules" >"$TMP/ours$seed.order"
	same_file "seed $seed: order is ls -v order ($(wc -l <"$TMP/ls$seed.order") files)" \
		"$TMP/ls$seed.order" "$TMP/ours$seed.order"
	ar_same_file "seed $seed: same audit.rules as the reference" "sort$seed" audit.rules
done

# Hand-picked names whose order is easy to get wrong.
d=$TMP/picked.d
mkdir "$d"
for stem in 1 01 001 1a 1~ 1.0 1.0a 1.a 1-a 1_a 1+a a~b a ab aB A Ab a0 a00 \
	    a.b a.tar a.b.c a.1 a.1b 10 9 z~ z~~ '~' '~1' _ - + 2020 2020-01 \
	    2020.01 00 0 0a 90-x 100-x 1000-x; do
	printf -- '-w /tmp/%s\n' "$stem.rules" >"$d/$stem.rules"
done
# shellcheck disable=SC2010
(cd "$d" && ls -1v | grep '\.rules$' | sed 's|^|-w /tmp/|') >"$TMP/picked.order"
ar_both picked "$d"
sed '1,4d;$d' "$TMP/picked.ours/audit.rules" >"$TMP/picked.ours.order"
same_file "picked names: ls -v order" "$TMP/picked.order" "$TMP/picked.ours.order"
ar_same_file "picked names: same audit.rules as the reference" picked audit.rules

plan_done
