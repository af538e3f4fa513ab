#!/bin/sh
# bench-report.sh: turn the bench job's outputs (build/logs/bench-off.out and
# build/logs/bench-on.out, one boot each) into
# build/bench/table.txt (switch off vs on), build/bench/steps.dat and the
# plot build/bench/bench.png (gnuplot), and print the table.
. "$(dirname "$0")/lib.sh"

dir=$BUILD/bench
mkdir -p "$dir"
for phase in off on; do
	[ -r "$LOGS/bench-$phase.out" ] || die "no $LOGS/bench-$phase.out: run make bench"
done
out=$dir/bench.out
cat "$LOGS/bench-off.out" "$LOGS/bench-on.out" >"$out"
"$TOP/scripts/need-packages.sh" gnuplot-nox || exit 1
"$TOP/scripts/module-manifest.sh" "$MODROOT" >"$dir/manifest.txt" || exit 1

# One module-report run per snapshot: TLB entries per type after k modules.
awk -v dir="$dir" '
	$1 == "@snapshot" { f = dir "/snap-" $2 "-" $3; printf "" > f; next }
	$1 == "@end" { close(f); f = ""; next }
	f != "" { print > f }
' "$out"
for snap in "$dir"/snap-*; do
	set -- $(echo "${snap##*/snap-}" | tr - ' ')
	awk -f "$TOP/guest/ptdump.awk" -f "$TOP/scripts/module-report.awk" \
		"$dir/manifest.txt" "$snap" 2>/dev/null |
	awk -v phase="$1" -v k="$2" '
		$1 == "text" || $1 == "rodata" || $1 == "ro_after_init" || $1 == "data" || $1 == "all" {
			if ($5 ~ /%$/) { tlb[$1] = $6; pct[$1] = $5 }
		}
		END { print phase, k, tlb["all"], tlb["text"], tlb["rodata"], tlb["data"], pct["data"], pct["all"] }'
done | sort -k1,1 -k2,2n >"$dir/steps.dat"
awk '$1 == "@steplat" { print $2, $3, $6 / 1000 }' "$out" | sort -k1,1 -k2,2n >"$dir/steplat.dat"

awk -v steps="$dir/steps.dat" '
	# median(A, K, N): the median of A[K, 1..N].
	function median(a, k, n,    i, j, t, v) {
		for (i = 1; i <= n; i++) v[i] = a[k, i]
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	BEGIN {
		while ((getline l < steps) > 0) {
			split(l, f, " ")
			if (f[2] + 0 >= last[f[1]]) {
				last[f[1]] = f[2] + 0
				all[f[1]] = f[3]; text[f[1]] = f[4]; ro[f[1]] = f[5]
				data[f[1]] = f[6]; pd[f[1]] = f[7]; pa[f[1]] = f[8]
			}
		}
	}
	$1 == "@latency" { n = $3; p10[$2] = $5; med[$2] = $6; p90[$2] = $7 }
	$1 == "@flushes" { fl[$2] = $4 / $3 }
	$1 == "@cost" {
		c = $2 SUBSEP $3; ipi[c] = $5 / $4; full[c] = $6 / $4; cmed[c] = $9
		if (!($3 in cseen)) { cseen[$3] = 1; cmods[++nc] = $3 }
	}
	$1 == "@tlbbench" { tb[$2] = $4 " / " $6 }
	$1 == "@xfsalt" { xa[$2, ++nxa[$2]] = $5 }
	$1 == "@paralt" { pa2[$2, ++npa[$2]] = $3 }
	$1 == "@counters" { dm2m[$2] = $4 }
	$1 == "@blocks" { held[$2] = $3 * 2048; free[$2] = $5 }
	END {
		printf "%-44s %14s %14s\n", "module.large_pages", "0 (off)", "1 (on)"
		printf "%-44s %14d %14d\n", "module set entries loaded (with dependencies)", last["off"], last["on"]
		printf "%-44s %14s %14s\n", "TLB entries, text", text["off"], text["on"]
		printf "%-44s %14s %14s\n", "TLB entries, rodata", ro["off"], ro["on"]
		printf "%-44s %14s %14s\n", "TLB entries, data", data["off"], data["on"]
		printf "%-44s %14s %14s\n", "TLB entries, all module memory", all["off"], all["on"]
		printf "%-44s %14s %14s\n", "data bytes in 2 MiB mappings", pd["off"], pd["on"]
		printf "%-44s %14s %14s\n", "all module bytes in 2 MiB mappings", pa["off"], pa["on"]
		printf "%-44s %14d %14d\n", "direct-map 2 MiB pages split by loading",
			(dm2m["off-before"] - dm2m["off-loaded"]) / 2048,
			(dm2m["on-before"] - dm2m["on-loaded"]) / 2048
		printf "%-44s %14d %14d\n", "block memory beyond need, set loaded (kB)",
			free["off-loaded"] / 1024, free["on-loaded"] / 1024
		printf "%-44s %14d %14d\n", "block memory held after unloading (kB)",
			held["off-unloaded"], held["on-unloaded"]
		printf "%-44s %14d %14d\n", "  after the shrinker ran (drop_caches)",
			held["off-drained"], held["on-drained"]
		printf "%-44s %14.0f %14.0f\n", "load+unload of bench_64k, median (us)", med["off"] / 1000, med["on"] / 1000
		printf "%-44s %6.0f..%-7.0f %6.0f..%-7.0f\n", "  p10..p90 (us)", p10["off"] / 1000, p90["off"] / 1000, p10["on"] / 1000, p90["on"] / 1000
		printf "%-44s %14s %14.2f\n", "  median on/off", "", med["off"] ? med["on"] / med["off"] : 0
		printf "%-44s %14.1f %14.1f\n", "TLB flushes per load+unload (nr_tlb_*)", fl["off"], fl["on"]
		for (i = 1; i <= nc; i++) {
			m = cmods[i]
			printf "%-44s %14.1f %14.1f\n", "cross-CPU interrupts per load+unload, " m,
				ipi["off", m], ipi["on", m]
			printf "%-44s %14.1f %14.1f\n", "  full TLB flushes per load+unload, " m,
				full["off", m], full["on", m]
			printf "%-44s %14.0f %14.0f\n", "  load+unload median (us), " m,
				cmed["off", m] / 1000, cmed["on", m] / 1000
			printf "%-44s %14s %14.2f\n", "  median on/off, " m, "",
				cmed["off", m] ? cmed["on", m] / cmed["off", m] : 0
		}
		if (nxa[0]) {
			m0 = median(xa, 0, nxa[0]); m1 = median(xa, 1, nxa[1])
			printf "%-44s %14.0f %14.0f\n", "xfs load+unload, one boot, switch toggled (us)", m0 / 1000, m1 / 1000
			printf "%-44s %14s %14.2f\n", "  median on/off (" nxa[0] " loads each)", "", m0 ? m1 / m0 : 0
		}
		if (npa[0]) {
			m0 = median(pa2, 0, npa[0]); m1 = median(pa2, 1, npa[1])
			printf "%-44s %14.0f %14.0f\n", "8 parallel loaders x 10 loads, wall (ms)", m0, m1
			printf "%-44s %14s %14.2f\n", "  median on/off (" npa[0] " rounds each)", "", m0 ? m1 / m0 : 0
		}
		printf "%-44s %14s %14s\n", "tlb_bench cycles per call / per data page", tb["off"], tb["on"]
		printf "(%d cycles per phase; TCG: timing ratios only, TLB cost not modelled)\n", n
	}
' "$out" >"$dir/table.txt"
{
	echo
	echo "Executable memory beyond modules, module set loaded (pages in use;"
	echo "direct-map 2M splits since the BPF programs, cumulative):"
	awk -f "$TOP/scripts/exec-report.awk" "$LOGS/bench-off.out" "$LOGS/bench-on.out"
} >>"$dir/table.txt"
cat "$dir/table.txt"
grep '^@error' "$out" && die "the bench job reported errors"

gnuplot <<GP || die "gnuplot failed"
set terminal png size 1000,420 noenhanced
set output "$dir/bench.png"
set multiplot layout 1,2 title "module.large_pages off vs on (QEMU TCG; timing is not hardware speed)"
set xlabel "entries of guest/module-set loaded"
set key top left
set ylabel "TLB entries for module memory"
plot "< grep '^off ' $dir/steps.dat" using 2:3 with linespoints title "off", \
     "< grep '^on ' $dir/steps.dat" using 2:3 with linespoints title "on"
set ylabel "load+unload of bench_64k, median (us)"
set yrange [0:*]
plot "< grep '^off ' $dir/steplat.dat" using 2:3 with linespoints title "off", \
     "< grep '^on ' $dir/steplat.dat" using 2:3 with linespoints title "on"
unset multiplot
GP
say "    plot: ${dir#"$TOP"/}/bench.png"
