#!/bin/sh
# distro-report.sh BOOTS: the report of make check-distro-boot, from the
# guests' output (build/logs/distro-SW-I-distro.out, SW 1 = switch on, 0 =
# off): per class the bytes, the share in 2 MiB pages and the TLB entries
# (module-report.awk, first boot each way), direct-map pages split, block
# memory, modules loaded and left, and the time from udev's trigger to the
# whole set loaded, switch on against off. Writes
# build/results/distro-report.txt; fails when the on-boot breaks the
# report's packing limits or loads under 95% of the set in 2 MiB pages.
. "$(dirname "$0")/lib.sh"

boots=${1:-2}
out=$RESULTS/distro-report.txt
manifest=$BUILD/manifest-distro.txt
"$TOP/scripts/module-manifest.sh" "${MODROOT_DIR:-$BUILD/modroot-distro}" >"$manifest" || exit 1
st=0
{
	for sw in 1 0; do
		log=$LOGS/distro-$sw-1-distro.out
		echo "=== switch $sw (module.large_pages=$sw), boot 1"
		awk -f "$TOP/guest/ptdump.awk" -f "$TOP/scripts/module-report.awk" \
			"$manifest" "$log" >"$RESULTS/distro-modules-$sw.txt"
		r=$?
		[ $sw = 1 ] && [ $r != 0 ] && st=1
		# The summary: everything after the per-module lines.
		sed -n '/^type /,$p' "$RESULTS/distro-modules-$sw.txt"
		sed -n 's/^@meminfo \(.*\)/ExecmemBlocks with the set loaded: \1 kB/p;
			s/^@meminfo-unloaded \(.*\)/ExecmemBlocks after unloading: \1 kB/p;
			s/^@used \(.*\)/modules loaded while in use: \1/p;
			s/^@left \([0-9]*\) \(.*\)/left after unloading: \1 (\2)/p' "$log"
		echo
	done
	echo "Time from udev's trigger to the set loaded (udev settle + modprobe of the rest), ms:"
	i=1
	while [ "$i" -le "$boots" ]; do
		for sw in 1 0; do
			awk -v b="$i" -v sw="$sw" '$1 == "@udev" { u = $3; un = $4 }
				$1 == "@modprobe" { m = $3; mn = $4 }
				END { printf "  boot %d switch %d: udev %d ms (%d modules), then modprobe %d ms (%d modules), total %d ms\n",
					b, sw, u, un, m, mn, u + m }' "$LOGS/distro-$sw-$i-distro.out"
		done
		i=$((i + 1))
	done | tee "$RESULTS/distro-times.txt"
	awk '{ sw = $4; sub(/:$/, "", sw); s[sw] += $(NF - 1); c[sw]++ }
		END { if (c[1] && c[0] && s[0])
			printf "on/off ratio of the mean total: %.2f (%d boots each)\n",
				(s[1] / c[1]) / (s[0] / c[0]), c[1] }' "$RESULTS/distro-times.txt"
} >"$out"
cat "$out"
# The share of text, rodata and data in 2 MiB pages (ro_after_init has
# 4 KiB pages by design).
share=$(awk '/^type / { t = 1; next } t && $1 == "all" { t = 0 }
	t && $1 ~ /^(text|rodata|data)$/ { b += $2; h += $3 }
	END { printf "%.1f", b ? 100 * h / b : 0 }' "$RESULTS/distro-modules-1.txt")
echo "text + rodata + data in 2 MiB pages with the switch on: $share%" | tee -a "$out"

awk -v s="$share" 'BEGIN { exit !(s + 0 >= 95) }' || { say "only $share% of the set in 2 MiB pages"; st=1; }
exit $st
