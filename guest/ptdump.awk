# ptdump.awk: the ranges of the kernel page-table dump
# (/sys/kernel/debug/page_tables/kernel) and the level of an address in
# them, for the awk programs that need it: guest/exec-pages.awk in the
# guest, scripts/module-report.awk on the host. Load it first:
# awk -f ptdump.awk -f PROGRAM. Addresses compare by their low 40 bits: the
# module area spans 1.5 GiB, and awk's numbers are doubles.

# hexval HEX: the low 40 bits of a hexadecimal address (0x optional).
function hexval(s,   i, v) {
	sub(/^0x/, "", s)
	if (length(s) > 10)
		s = substr(s, length(s) - 9)
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
	return v
}

# ptdump_add RANGE LEVEL: one line of the dump, "0xSTART-0xEND ... LEVEL".
function ptdump_add(range, lvl,   r) {
	split(range, r, "-")
	nmap++
	mstart[nmap] = hexval(r[1])
	mend[nmap] = hexval(r[2])
	mlevel[nmap] = lvl
}

# level A: the level (pmd, pte, ...) of the range that holds A (a hexval),
# or "none".
function level(a,   i) {
	for (i = 1; i <= nmap; i++)
		if (a >= mstart[i] && a < mend[i])
			return mlevel[i]
	return "none"
}
