# module-report.awk MANIFEST GUEST-OUT: where module memory lives.
# MANIFEST: "module section type size" (module-manifest.sh). GUEST-OUT: the
# report job's @-lines (guest/job-report.sh). For each loaded module and
# memory type: address, size and mapping level (from the kernel page-table
# dump); then per type the bytes in 2 MiB and 4 KiB mappings and the TLB
# entries needed to cover them, and the direct-map 2 MiB pages split.
# Load guest/ptdump.awk first (hexval(), ptdump_add(), level()).

# mawk's %d stops at 2^31 - 1: numbers print with %.0f.
function human(b) {
	if (b >= 1048576 && b % 1048576 == 0) return sprintf("%.0fM", b / 1048576)
	if (b >= 1048576) return sprintf("%.1fM", b / 1048576)
	return sprintf("%.0fK", b / 1024)
}

BEGIN {
	P = 4096; H = 2097152
	ntypes = split("text rodata ro_after_init data", types, " ")
}

FNR == NR { stype[$1, $2] = $3; ssize[$1, $2] = $4; next }

$1 == "@kernel" { kernel = $2 }
$1 == "@error" { errors = errors "\n  error: " substr($0, 8) }
$1 == "@wx" { wx = $2 }
$1 == "@counters" { dm4k[$2] = $3; dm2m[$2] = $4; splits[$2] = $5; splits1g[$2] = $6 }

$1 == "@section" {
	m = $2; t = stype[m, $3]
	if (t == "" || t ~ /^init_/) next
	a = hexval($4); k = m SUBSEP t
	if (!(k in lo) || a < lo[k]) { lo[k] = a; addr[k] = $4 }
	if (a + ssize[m, $3] > hi[k]) hi[k] = a + ssize[m, $3]
	if (!(m in seen)) { seen[m] = 1; mods[++nmods] = m }
}

$1 == "@ptdump" && $2 ~ /^0x/ { ptdump_add($2, $NF) }

$1 == "@blocks" {
	blocks = blocks "\n  " substr($0, 9)
	if ($3 ~ /^[0-9]+$/) { nblk[$2] = $3; bused[$2] = $4 }
}

$1 == "@vmalloc" {
	split($2, r, "-")
	nvm++; vstart[nvm] = hexval(r[1]); vend[nvm] = hexval(r[2])
}

END {
	if (nmods == 0) { print "no loaded modules found in the guest's output"; exit 1 }
	# A region that starts its own vmalloc area spans the area less its guard page.
	for (k in lo) {
		first = int(lo[k] / P) * P
		for (i = 1; i <= nvm; i++)
			if (vstart[i] == first && vend[i] - P > hi[k])
				hi[k] = vend[i] - P
	}
	printf "Module memory (kernel %s)\n", kernel
	printf "%-16s %-13s %-18s %8s  %s\n", "module", "type", "address", "size", "mapping"
	for (i = 1; i <= nmods; i++) {
		m = mods[i]
		for (j = 1; j <= ntypes; j++) {
			t = types[j]; k = m SUBSEP t
			if (!(k in lo)) continue
			n2 = 0; n4 = 0
			for (p = int(lo[k] / P); p * P < hi[k]; p++) {
				l = level(p * P)
				if (l == "pmd") { n2++; if (!((t, int(p * P / H)) in big)) { big[t, int(p * P / H)] = 1; tlb2[t]++ } }
				else { n4++; if (!((t, p) in small)) { small[t, p] = 1; tlb4[t]++ } }
			}
			bytes2[t] += n2 * P; bytes4[t] += n4 * P
			lv = (n2 && n4) ? "mixed" : (n2 ? "pmd (2M)" : "pte (4K)")
			printf "%-16s %-13s %-18s %8s  %s\n", m, t, addr[k], human((n2 + n4) * P), lv
		}
	}
	printf "\n%-13s %10s %10s %10s %7s %12s\n", "type", "bytes", "in 2M", "in 4K", "% 2M", "TLB entries"
	for (j = 1; j <= ntypes; j++) {
		t = types[j]; b = bytes2[t] + bytes4[t]
		printf "%-13s %10.0f %10.0f %10.0f %6.1f%% %12.0f\n", t, b, bytes2[t], bytes4[t],
			b ? 100 * bytes2[t] / b : 0, tlb2[t] + tlb4[t]
		all2 += bytes2[t]; all4 += bytes4[t]; allt += tlb2[t] + tlb4[t]
	}
	printf "%-13s %10.0f %10.0f %10.0f %6.1f%% %12.0f\n", "all", all2 + all4, all2, all4,
		(all2 + all4) ? 100 * all2 / (all2 + all4) : 0, allt
	printf "\nDirect map: 2 MiB pages split by loading the set: %d (DirectMap4k %+d kB, direct_map_level2_splits %+d)\n",
		(dm2m["before"] - dm2m["loaded"]) / 2048, dm4k["loaded"] - dm4k["before"],
		splits["loaded"] - splits["before"]
	printf "            1 GiB pages split by loading the set: %d (direct_map_level3_splits)\n",
		splits1g["loaded"] - splits1g["before"]
	printf "            after unloading all: %d 2 MiB pages fewer than before loading\n",
		(dm2m["before"] - dm2m["unloaded"]) / 2048
	if (wx != "") printf "W+X check with the set loaded: %s\n", wx
	if (blocks != "") printf "Shared 2 MiB blocks with the set loaded (/sys/kernel/debug/execmem_blocks):%s\n", blocks
	# Packing: with the blocks in use, a type's TLB entries and its
	# blocks stay within ceil(bytes / 2 MiB) + 1, where bytes is what the
	# pool hands out for the type (bytes_used: with .bss and
	# struct module, which the sections above leave out for data).
	if (blocks != "" && nblk["text"] + nblk["rodata"] + nblk["data"] > 0) {
		printf "Packing (limit: ceil(bytes in use / 2 MiB) + 1):\n"
		split("text rodata data", pk, " ")
		for (j = 1; j <= 3; j++) {
			t = pk[j]; b = bytes2[t] + bytes4[t]
			if (bused[t] > b) b = bused[t]
			lim = int((b + H - 1) / H) + 1
			ok = tlb2[t] + tlb4[t] <= lim && nblk[t] <= lim
			printf "  %-7s TLB entries %d of %d, blocks %d of %d (%.0f bytes in them in use)%s\n", t,
				tlb2[t] + tlb4[t], lim, nblk[t], lim, bused[t], ok ? "" : "  OVER"
			if (!ok) errors = errors "\n  error: " t " packs worse than ceil(bytes in use / 2 MiB) + 1"
		}
	}
	if (errors != "") { print errors; exit 1 }
}
