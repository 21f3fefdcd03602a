# bench/search/report.awk: run.sh's rows and verdicts (TSV) -> one markdown
# table per log size.
#
# rows.tsv (8 columns): size query program round wall_seconds maxrss_kb
# exit stdout_bytes; program is reference, ours or ceiling.
# verdicts.tsv (3 columns): size query verdict.
# Rows of the same (size, query, program) are rounds: the best (smallest)
# wall time is reported, and the largest peak RSS. The ceiling's best
# times (grep -c KEY, cat) are the yardsticks ours/grep and ours/cat.

function k(s, q, p) { return s SUBSEP q SUBSEP p }
function secs(x) { return x == "" ? "-" : (x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.3f", x)) }
function ratio(a, b) { return (a == "" || b == "" || b <= 0) ? "-" : sprintf("%.2f", a / b) }
function mb(kb) { return kb == "" ? "-" : sprintf("%.1f MB", kb / 1024) }

NF == 3 { verdict[k($1, $2, "")] = $3; next }

NF == 8 {
	if (!($1 in seen_size)) { seen_size[$1] = 1; sizes[++nsizes] = $1 }
	if (!(k($1, $2, "") in seen_q)) {
		seen_q[k($1, $2, "")] = 1
		nq[$1]++
		query[$1, nq[$1]] = $2
	}
	key = k($1, $2, $3)
	if (!(key in best) || $5 + 0 < best[key] + 0) best[key] = $5 + 0
	if (!(key in rss) || $6 + 0 > rss[key] + 0) rss[key] = $6 + 0
	if (!(key in rc) || $7 != 0) rc[key] = $7
	bytes[key] = $8
}

END {
	for (i = 1; i <= nsizes; i++) {
		s = sizes[i]
		grep = best[k(s, "grep -c KEY", "ceiling")]
		cat = best[k(s, "cat >/dev/null", "ceiling")]
		print "### " s " log"
		print ""
		print "| query | reference s | ours s | reference/ours | ours/grep | ours/cat | reference peak RSS | ours peak RSS | ours stdout bytes | ours vs reference |"
		print "|---|---|---|---|---|---|---|---|---|---|"
		for (j = 1; j <= nq[s]; j++) {
			q = query[s, j]
			c = k(s, q, "ceiling")
			if (c in best) {
				printf "| %s (ceiling) | | %s | | %s | %s | | %s | %s | |\n", q, secs(best[c]),
					ratio(best[c], grep), ratio(best[c], cat), mb(rss[c]), bytes[c]
				continue
			}
			r = k(s, q, "reference"); o = k(s, q, "ours")
			v = verdict[k(s, q, "")]
			failed = v ~ /failed|not built/
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", q,
				(r in best) ? secs(best[r]) : "not run",
				failed ? "failed" : secs(best[o]),
				failed ? "-" : ratio(best[r], best[o]),
				failed ? "-" : ratio(best[o], grep),
				failed ? "-" : ratio(best[o], cat),
				(r in rss) ? mb(rss[r]) : "-",
				failed ? "-" : mb(rss[o]),
				(o in bytes) ? bytes[o] : "-", v
		}
		print ""
	}
}
