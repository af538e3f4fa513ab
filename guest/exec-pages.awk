# exec-pages.awk PTDUMP KALLSYMS, after ptdump.awk, with -v u=USER
# -v re=NAME_RE -v m="[MODULE]": "@exec USER PAGE LEVEL" for every distinct
# page of the KALLSYMS symbols of MODULE whose names match NAME_RE, with
# its level in PTDUMP (exec_pages in lib.sh). The module compares first:
# busybox awk compiles a regular expression from a variable at every use.
FNR == NR {
	if ($1 ~ /^0x/)
		ptdump_add($1, $NF)
	next
}
$4 == m && $3 ~ re {
	p = substr($1, 1, length($1) - 3) "000"
	if (p in seen)
		next
	seen[p] = 1
	print "@exec " u " 0x" p " " level(hexval(p))
}
