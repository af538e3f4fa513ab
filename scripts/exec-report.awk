# exec-report.awk GUEST-OUT...: executable memory beyond modules, per user
# and per boot. Reads the @-lines of guest/job-exec.sh or guest/job-report.sh:
# "@exec switch SW" (the module.large_pages switch of that boot),
# "@exec USER PAGE LEVEL" (a page of the user's, and its level in the kernel
# page-table dump) and "@counters STEP ..." (the direct-map counters). For
# each user: its bytes in 2 MiB and in 4 KiB mappings, the TLB entries that
# cover them (one per 2 MiB page, one per 4 KiB page), and the direct-map
# 2 MiB pages split from the "start" (or "exec-start") @counters line of the
# boot to the one with the user's name (cumulative).

FNR == 1 { boot++; sw = "?"; s0 = "" }
$1 == "@exec" && $2 == "switch" { sw = $3; next }
$1 == "@counters" && $2 ~ /^(exec-)?start$/ { s0 = $5 }
$1 == "@counters" && s0 != "" { splits[boot, $2] = $5 - s0 }
$1 == "@exec" && NF == 4 {
	k = boot SUBSEP $2
	if (!(k in seen)) { seen[k] = 1; rows[++n] = k; swof[k] = sw }
	if ($4 == "pmd") {
		b2[k] += 4096
		# The 2 MiB page: the address without its low 21 bits.
		r = substr($3, 1, length($3) - 6) "/" \
			int((index("0123456789abcdef", substr($3, length($3) - 5, 1)) - 1) / 2)
		if (!((k, r) in big)) { big[k, r] = 1; tlb[k]++ }
	} else {
		b4[k] += 4096; tlb[k]++
	}
}
END {
	if (n == 0) { print "no executable memory beyond modules in the guest's output"; exit 1 }
	printf "%-10s %6s %10s %10s %10s %7s %12s %10s\n", "user", "switch", "bytes",
		"in 2M", "in 4K", "% 2M", "TLB entries", "2M splits"
	for (i = 1; i <= n; i++) {
		k = rows[i]; split(k, kk, SUBSEP); b = b2[k] + b4[k]
		printf "%-10s %6s %10.0f %10.0f %10.0f %6.1f%% %12d %10s\n", kk[2], swof[k], b,
			b2[k], b4[k], b ? 100 * b2[k] / b : 0, tlb[k],
			((kk[1], kk[2]) in splits) ? splits[kk[1], kk[2]] : "-"
	}
}
