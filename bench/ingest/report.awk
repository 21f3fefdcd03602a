# bench/ingest/report.awk: run.sh's session rows (TSV) -> markdown tables.
#
# Input columns: round mode backlog_limit rate daemon sent gen_seconds
# logged lost cpu_ticks vmhwm_kb clk_tck e2e_seconds gen_cpu_seconds
# kauditd_ticks. Rows of the same (mode, limit,
# rate, daemon) are rounds of one measurement: events/s and CPU are
# averaged over them, lost records are listed per round (they vary too
# much to average honestly), peak RSS is the largest.

function key(m, l, r, d) { return m SUBSEP l SUBSEP r SUBSEP d }
function fmt_rate(x) { return x >= 10000 ? sprintf("%.0fk", x / 1000) : sprintf("%.0f", x) }
function cpu100k(k) { return logged[k] > 0 ? cpu[k] / logged[k] * 100000 : 0 }
function kernel_us(k) { return sent[k] > 0 ? kcpu[k] / sent[k] * 1e6 : 0 }
function eps(k) { return n[k] > 0 ? eps_sum[k] / n[k] : 0 }
function e2e(k) { return n[k] > 0 ? e2e_sum[k] / n[k] : 0 }
function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }

{
	k = key($2, $3, $4, $5)
	if (!(k in n)) {
		cfg = $2 SUBSEP $3 SUBSEP $4
		if (!(cfg in seen_cfg)) { seen_cfg[cfg] = 1; cfgs[++ncfg] = cfg }
		if (!($5 in seen_d)) { seen_d[$5] = 1 }
	}
	n[k]++
	sent[k] += $6
	logged[k] += $8
	secs[k] += $7
	eps_sum[k] += ($7 > 0 ? $8 / $7 : 0)
	rounds_eps[k] = rounds_eps[k] (n[k] > 1 ? ", " : "") sprintf("%.0f", $7 > 0 ? $8 / $7 : 0)
	e2e_sum[k] += ($13 > 0 ? $8 / $13 : 0)
	rounds_e2e[k] = rounds_e2e[k] (n[k] > 1 ? ", " : "") sprintf("%.0f", $13 > 0 ? $8 / $13 : 0)
	rounds_lost[k] = rounds_lost[k] (n[k] > 1 ? ", " : "") $9
	lost[k] += $9
	cpu[k] += $10 / $12
	kcpu[k] += $14 + $15 / $12
	if ($11 > hwm[k]) hwm[k] = $11
}

END {
	nd = 0
	split("reference ours ceiling", all, " ")
	for (i = 1; i <= 3; i++) if (all[i] in seen_d) daemons[++nd] = all[i]

	print "### Blocking mode (backlog_limit 8192, backlog_wait_time 60000, generator at full speed)"
	print ""
	print "| daemon | events/s, generator time (mean; rounds) | events/s, end to end (mean; rounds) | logged / sent | lost records | CPU s per 100k events | CPU µs per event | peak RSS (VmHWM) | generator + kauditd CPU µs per event |"
	print "|---|---|---|---|---|---|---|---|---|"
	for (c = 1; c <= ncfg; c++) {
		split(cfgs[c], p, SUBSEP)
		if (p[1] != "blocking") continue
		for (i = 1; i <= nd; i++) {
			k = key(p[1], p[2], p[3], daemons[i])
			if (!(k in n)) continue
			printf "| %s | %.0f; %s | %.0f; %s | %d / %d | %d | %.2f | %.1f | %.1f MB | %.1f |\n",
				daemons[i], eps(k), rounds_eps[k], e2e(k), rounds_e2e[k],
				logged[k], sent[k], lost[k],
				cpu100k(k), cpu100k(k) / 100000 * 1e6, hwm[k] / 1024, kernel_us(k)
		}
	}
	R = key("blocking", 8192, 0, "reference"); O = key("blocking", 8192, 0, "ours")
	C = key("blocking", 8192, 0, "ceiling")
	print ""
	if (O in n) {
		printf "Ratios (generator time; end to end): ours/reference events/s %s; %s (target >= 5); ceiling/ours events/s %s; %s (target <= 1.5); ours/reference CPU per event %s (target <= 0.33).\n",
			ratio(eps(O), eps(R)), ratio(e2e(O), e2e(R)),
			ratio(eps(C), eps(O)), ratio(e2e(C), e2e(O)), ratio(cpu100k(O), cpu100k(R))
	} else {
		printf "Ratios (generator time; end to end): ceiling/reference events/s %s; %s. Ours pending.\n",
			ratio(eps(C), eps(R)), ratio(e2e(C), e2e(R))
	}

	print ""
	print "### Non-blocking (backlog_wait_time 0): lost records at fixed offered rates"
	print ""
	print "| backlog_limit | offered/s | daemon | achieved/s | logged / sent | lost records (per round) | CPU s per 100k events | peak RSS |"
	print "|---|---|---|---|---|---|---|---|"
	for (c = 1; c <= ncfg; c++) {
		split(cfgs[c], p, SUBSEP)
		if (p[1] != "nonblocking") continue
		for (i = 1; i <= nd; i++) {
			k = key(p[1], p[2], p[3], daemons[i])
			if (!(k in n)) continue
			printf "| %s | %s | %s | %s | %d / %d | %s | %.2f | %.1f MB |\n",
				p[2], fmt_rate(p[3]), daemons[i], fmt_rate(secs[k] > 0 ? sent[k] / secs[k] : 0),
				logged[k], sent[k], rounds_lost[k], cpu100k(k), hwm[k] / 1024
		}
	}
}
