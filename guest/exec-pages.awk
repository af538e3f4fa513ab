# exec-pages.awk PTDUMP KALLSYMS, after ptdump.awk, with -v u=USER
# -v re=NAME_RE -v m="[MODULE]": "@exec USER PAGE LEVEL" for every distinct
# page of the KALLSYMS symbols of MODULE whose names match NAME_RE, with
# its level in PTDUMP (exec_pages in lib.sh).
FNR == NR {
	if ($1 ~ /^0x/)
		ptdump_add($1, $NF)
	next
}
$3 ~ re && $4 == m {
	p = substr($1, 1, length($1) - 3) "000"
	if (p in seen)
		next
	seen[p] = 1
	print "@exec " u " 0x" p " " level(hexval(p))
}
