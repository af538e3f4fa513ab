# kaslr-report.awk: the module KASLR table from check-kaslr.sh's lines
#   SWITCH BOOT order MODULE
#   SWITCH BOOT section MODULE SECTION ADDRESS
# Per module (in load order) and region: distinct start addresses over the
# boots, and distinct distances to the same region of the first module
# loaded that has it, switch off (0) against on (1). Writes one TAP line per
# region with the switch on to the file `tap`, failing below `need`
# distinct addresses; exits 1 if any fails.

# The low 32 bits of a hex address (module addresses share the high ones).
function low32(a,    s, i, v) {
	s = tolower(a)
	sub(/^0x/, "", s)
	if (length(s) > 8)
		s = substr(s, length(s) - 7)
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}

function high(a,    s) {
	s = tolower(a)
	sub(/^0x/, "", s)
	return length(s) > 8 ? substr(s, 1, length(s) - 8) : ""
}

function region(sec) {
	if (sec == ".text") return "text"
	if (sec == ".rodata") return "rodata"
	if (sec == ".data") return "data"
	return "ro_after_init"
}

$3 == "order" {
	if (!($4 in seen)) { seen[$4] = 1; order[++nmod] = $4 }
	next
}

# Blocks per pool with the set loaded: SWITCH BOOT blocks CLASS BLOCKS USED ...
$3 == "blocks" && $1 == 1 && ($4 == "text" || $4 == "rodata" || $4 == "data") {
	lim = int(($6 + 2097151) / 2097152) + 1
	if (!($4 in pmax) || $5 > pmax[$4]) pmax[$4] = $5
	if (!($4 in pmin) || $5 < pmin[$4]) pmin[$4] = $5
	if ($5 > lim) pover[$4]++
	if (!($4 in plim) || lim > plim[$4]) plim[$4] = lim
	next
}

$3 == "section" {
	r = region($5)
	# ro_after_init: .data..ro_after_init where a module has it.
	if (r == "ro_after_init" && $5 == "__jump_table" && (($1, $2, $4, r) in addr))
		next
	addr[$1, $2, $4, r] = $6
	has[$4, r] = 1
	nboot[$1, $2] = 1
}

END {
	nr = split("text rodata data ro_after_init", regs, " ")
	for (k = 1; k <= nr; k++)
		for (m = 1; m <= nmod; m++)
			if ((order[m], regs[k]) in has) { first[regs[k]] = order[m]; break }

	printf "module KASLR over %d boots per switch position: distinct start addresses\n", boots
	printf "and distinct distances to the first module's region, module.large_pages=0 / =1\n"
	printf "%-14s %-14s %9s %9s %9s %9s\n", "module", "region", "addr off", "addr on", "dist off", "dist on"
	fails = 0; t = 0
	for (m = 1; m <= nmod; m++) {
		mod = order[m]
		for (k = 1; k <= nr; k++) {
			r = regs[k]
			if (!((mod, r) in has))
				continue
			for (sw = 0; sw <= 1; sw++) {
				na[sw] = nd[sw] = missing[sw] = 0
				split("", da); split("", dd)
				for (b = 1; b <= boots; b++) {
					if (!((sw, b, mod, r) in addr)) { missing[sw]++; continue }
					a = addr[sw, b, mod, r]
					if (!(a in da)) { da[a] = 1; na[sw]++ }
					f = addr[sw, b, first[r], r]
					d = high(a) == high(f) ? low32(a) - low32(f) : "far"
					if (!(d in dd)) { dd[d] = 1; nd[sw]++ }
				}
			}
			ds0 = mod == first[r] ? "-" : nd[0]
			ds1 = mod == first[r] ? "-" : nd[1]
			printf "%-14s %-14s %9d %9d %9s %9s\n", mod, r, na[0], na[1], ds0, ds1
			ok = na[1] >= need && !missing[1]
			t++
			printf "%s %d kaslr_%s_%s_distinct_addresses # %d of %d boots with the switch on (off: %d)\n", \
				ok ? "ok" : "not ok", t, mod, r, na[1], boots, na[0] > tap
			if (!ok) fails++
			lo[r, 0] = (r in cnt) && lo[r, 0] < na[0] ? lo[r, 0] : na[0]
			lo[r, 1] = (r in cnt) && lo[r, 1] < na[1] ? lo[r, 1] : na[1]
			cnt[r]++
		}
	}
	printf "fewest distinct addresses per region (off / on), %d needed with the switch on:\n", need
	for (k = 1; k <= nr; k++)
		if (regs[k] in cnt)
			printf "  %-14s %d / %d over %d modules\n", regs[k], lo[regs[k], 0], lo[regs[k], 1], cnt[regs[k]]
	printf "packing with the switch on, blocks per class over %d boots (limit ceil(bytes / 2 MiB) + 1):\n", boots
	np = split("text rodata data", pk, " ")
	for (k = 1; k <= np; k++) {
		c = pk[k]
		if (!(c in pmax)) continue
		printf "  %-14s %d to %d blocks, limit %d, over the limit in %d boots\n", c, pmin[c], pmax[c], plim[c], pover[c]
		t++
		printf "%s %d kaslr_packing_%s_blocks_within_limit # %d to %d blocks over %d boots, over the limit in %d\n", \
			pover[c] ? "not ok" : "ok", t, c, pmin[c], pmax[c], boots, pover[c] > tap
		if (pover[c]) fails++
	}
	exit fails > 0
}
