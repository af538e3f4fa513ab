# exec-cost.awk GUEST-OUT...: what loading executable memory beyond modules
# costs. Reads guest/job-exec.sh's "@exec switch SW" line (the boot's
# module.large_pages switch) and its "@cost USER START END TLB0 CAL0 TLB1
# CAL1" lines (one per round: uptime and the sums of TLB-shootdown and
# function-call interrupts before and after). Per boot and user, the median
# over the rounds of the seconds and of the interrupts of each kind; then per
# user the ratio of the median seconds, switch on against off.

# median K ARR: the median of ARR[K, 1..rounds[K]].
function median(k, arr,   i, j, m, t, v) {
	m = rounds[k]
	for (i = 1; i <= m; i++)
		v[i] = arr[k, i]
	for (i = 2; i <= m; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	return v[int((m + 1) / 2)]
}

FNR == 1 { boot++; sw = "?" }
$1 == "@exec" && $2 == "switch" { sw = $3 }
$1 == "@cost" && NF == 8 {
	k = boot SUBSEP $2
	if (!(k in rounds)) { rows[++n] = k; swof[k] = sw; users[$2] = 1 }
	r = ++rounds[k]
	secs[k, r] = $4 - $3
	tlb[k, r] = $7 - $5
	cal[k, r] = $8 - $6
}
END {
	if (n == 0) { print "no cost lines in the guest's output"; exit 1 }
	printf "%-12s %6s %6s %10s %12s %12s\n", "user", "switch", "rounds", "seconds",
		"TLB IPIs", "call IPIs"
	for (i = 1; i <= n; i++) {
		k = rows[i]; split(k, kk, SUBSEP)
		med[k] = median(k, secs)
		printf "%-12s %6s %6d %10.2f %12d %12d\n", kk[2], swof[k], rounds[k],
			med[k], median(k, tlb), median(k, cal)
		if (swof[k] == "Y" || swof[k] == "1") on[kk[2]] = med[k]
		if (swof[k] == "N" || swof[k] == "0") off[kk[2]] = med[k]
	}
	for (u in users)
		if ((u in on) && (u in off) && off[u] > 0)
			printf "%s: seconds on/off %.2f (medians)\n", u, on[u] / off[u]
}
