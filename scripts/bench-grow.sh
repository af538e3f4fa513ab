#!/bin/sh
# bench-grow.sh [REF]: what growing a pool costs the loaders that fit in the
# blocks already there (guest/job-grow.sh), with and without fragmented
# memory. Boots this kernel (switch on) and, with REF, the series as it was
# at commit REF of this repository too (scripts/build-series-at.sh), then
# prints one table, build/results/grow.txt: per run the small loader's
# load+unload times, the times of its calls into the pools, the grower's
# rounds, fallbacks, blocks added and free 2 MiB blocks after the run.
. "$(dirname "$0")/lib.sh"

ref=${1:-}
mkdir -p "$RESULTS"
out=$RESULTS/grow.txt
mkdir -p "$LOGS"
: >"$LOGS/grow-all.out"

# boot_grow LABEL [BZIMAGE INITRAMFS]
boot_grow() {
	LOGNAME_PREFIX=grow-$1- GUEST_TIMEOUT=1800 \
	GUEST_APPEND="tsc=reliable module.large_pages=1 harness.grow_label=$1" \
	BZIMAGE=${2:-$BUILD/bzImage} INITRAMFS=${3:-$BUILD/initramfs.cpio.gz} \
		"$TOP/scripts/boot-guest.sh" grow || exit 1
	cat "$LOGS/grow-$1-grow.out" >>"$LOGS/grow-all.out"
}

if [ -n "$ref" ]; then
	rev=$(git -C "$TOP" rev-parse --short "$ref^{commit}") || die "no commit $ref here"
	"$TOP/scripts/build-series-at.sh" "$rev" || exit 1
	boot_grow "at-$rev" "$BUILD/at-$rev/bzImage" "$BUILD/at-$rev/initramfs.cpio.gz"
fi
boot_grow now

awk '
/^@fragment/ { frag[$2] = sprintf("held %d MiB in %d passes, %d MiB free, free 2 MiB blocks %d",
	$5 / 1024, $11, $7 / 1024, $13) }
/^@grow/ {
	if (!hdr++)
		printf "%-10s %-10s %5s %7s %8s %8s | %6s %6s %7s | %6s %6s %7s | %6s %8s %9s %5s %6s\n",
			"kernel", "run", "loads", "p50 ms", "p99 ms", "max ms",
			"allocs", "p99 ms", "max ms", "frees", "p99 ms", "max ms",
			"rounds", "ms/round", "fallbacks", "added", "free2M"
	printf "%-10s %-10s %5d %7.1f %8.1f %8.1f | %6d %6.1f %7.1f | %6d %6.1f %7.1f | %6d %8d %9d %5s %6d\n",
		$2, $3, $4, $5 / 1000, $7 / 1000, $8 / 1000, $14, $17 / 1000, $18 / 1000,
		$19, $22 / 1000, $23 / 1000, $9, $10, $11, $12, $13
}
END { for (k in frag) printf "fragmented (%s): %s\n", k, frag[k] }
' "$LOGS/grow-all.out" | tee "$out"
