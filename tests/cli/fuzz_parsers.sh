#!/bin/sh
# fuzz_parsers: build each libFuzzer harness of tests/fuzz/ with clang
# (-fsanitize=fuzzer,address,undefined) straight from the sources it
# needs (lib's record and event parsers; audoctor's kernel log and /proc
# parsers), and run it for about 10 seconds on a copy of its seed corpus
# (tests/fuzz/corpus/NAME/, copied to $TMP: the repository is not written).
# One TAP line per harness; skips when clang or libFuzzer is missing.
. "$(dirname "$0")/../lib.sh"

FUZZ_TIME=${FUZZ_TIME:-10}
CLANG=$(command -v clang)
[ -n "$CLANG" ] || skip_all "clang not installed (the fuzzers need clang's libFuzzer)"
GEN=$AUDITKIT_BUILD/lib/tables_gen.c
if [ ! -f "$GEN" ]; then
	# No build yet: generate the tables as lib/meson.build does.
	GEN=$TMP/tables_gen.c
	set -- $(sed -n "s/^ *\['\(table_[a-z0-9_]*\)', '\([^']*\)', '\([^']*\)'\],*$/\1:\2:\3/p" \
		"$TOP/lib/meson.build" | tr ' ' '@')
	args=
	for spec in "$@"; do
		spec=$(echo "$spec" | tr '@' ' ')
		args="$args|${spec%:*}:$TOP/lib/tables/${spec##*:}"
	done
	(IFS='|'; python3 "$TOP/lib/tables/gen.py" "$GEN" ${args#|}) ||
		skip_all "cannot generate the tables (python3 lib/tables/gen.py)"
fi

# A trivial fuzzer proves -fsanitize=fuzzer links here.
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	>"$TMP/probe.c"
"$CLANG" -fsanitize=fuzzer "$TMP/probe.c" -o "$TMP/probe" 2>/dev/null ||
	skip_all "clang cannot link -fsanitize=fuzzer (libFuzzer missing)"

LIB="$TOP/lib/record.c $TOP/lib/event.c $TOP/lib/tables.c $GEN"
DOC=$TOP/src/audoctor

# sources NAME: what harness NAME is built from besides itself.
sources() {
	case $1 in
	audoctor) echo "$DOC/kmsg.c $DOC/procfs.c $DOC/finding.c $DOC/mem.c" ;;
	*) echo "$LIB" ;;
	esac
}

for name in record event audoctor; do
	src=$TOP/tests/fuzz/fuzz_$name.c
	bin=$TMP/fuzz_$name
	if ! "$CLANG" -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -I"$TOP/lib" -I"$DOC" \
		"$src" $(sources "$name") -o "$bin" 2>"$TMP/$name.cc"; then
		not_ok "fuzz_$name builds"
		sed 's/^/# /' "$TMP/$name.cc" | head -20
		continue
	fi
	mkdir -p "$TMP/corpus-$name"
	cp "$TOP/tests/fuzz/corpus/$name/"* "$TMP/corpus-$name/"
	if "$bin" -max_total_time="$FUZZ_TIME" -max_len=4096 -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix="$TMP/crash-$name-" \
		"$TMP/corpus-$name" >"$TMP/$name.log" 2>&1; then
		runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$TMP/$name.log")
		ok "fuzz_$name: ${runs:-?} runs in ${FUZZ_TIME}s, no crash"
	else
		not_ok "fuzz_$name found a crash"
		grep -E 'ERROR|SUMMARY|runtime error|#[0-9]+ 0x' "$TMP/$name.log" | head -20 | sed 's/^/# /'
		for a in "$TMP"/crash-$name-*; do
			[ -f "$a" ] && diag "input: $(od -c "$a" | head -5 | tr '\n' ' ')"
		done
	fi
done
plan_done
