#!/bin/sh
# module-manifest.sh MODROOT: one line per allocated section of every module
# under MODROOT: "module section memory-type size-in-bytes". The memory type
# follows kernel/module/main.c:layout_sections() on x86 (ARCH_SHF_SMALL = 0):
# executable -> text, read-only -> rodata, .data..ro_after_init and
# __jump_table -> ro_after_init, writable -> data; .init* -> init_<type>.
. "$(dirname "$0")/lib.sh"

modroot=${1:-$MODROOT}
command -v readelf >/dev/null || die "readelf is missing: apt-get install binutils"
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
# Modules installed xz-compressed (MODULE_COMPRESS_XZ) are read unpacked.
find "$modroot/lib/modules" -name '*.ko' -o -name '*.ko.xz' | LC_ALL=C sort | while read -r ko; do
	m=${ko##*/}
	m=${m%.xz}
	m=$(printf '%s' "${m%.ko}" | tr - _)
	case $ko in
	*.xz) xz -dc "$ko" >"$tmp" || die "cannot unpack $ko"; elf=$tmp ;;
	*) elf=$ko ;;
	esac
	readelf -SW "$elf" | sed -n 's/^ *\[ *[0-9]*\] //p' | awk -v m="$m" '
	function hex(s,   i, v) {
		v = 0
		for (i = 1; i <= length(s); i++)
			v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
		return v
	}
	$2 == "NULL" || $1 == "Name" { next }
	{
		flags = (NF >= 10) ? $7 : ""
		if (flags !~ /A/) next
		if (flags ~ /X/) t = "text"
		else if ($1 == ".data..ro_after_init" || $1 == "__jump_table") t = "ro_after_init"
		else if (flags ~ /W/) t = "data"
		else t = "rodata"
		if ($1 ~ /^\.init/) t = "init_" t
		print m, $1, t, hex($5)
	}'
done
