#!/bin/sh
# bench-reuse.sh: build the series of HEAD with the experiment
# bench/experiments/data-reuse-delay.patch (build-series-at.sh), boot
# guest/job-reuse.sh on it and print its table: build/results/reuse.txt.
. "$(dirname "$0")/lib.sh"

patch=$TOP/bench/experiments/data-reuse-delay.patch
rev=$(git -C "$TOP" rev-parse --short HEAD)
dir=$BUILD/at-$rev-data-reuse-delay
"$TOP/scripts/build-series-at.sh" HEAD "$patch" || exit 1
LOGNAME_PREFIX=reuse- GUEST_TIMEOUT=1800 GUEST_APPEND="tsc=reliable" \
	BZIMAGE=$dir/bzImage INITRAMFS=$dir/initramfs.cpio.gz \
	"$TOP/scripts/boot-guest.sh" reuse || exit 1
mkdir -p "$RESULTS"
awk 'BEGIN { printf "%-8s %-8s %11s %14s %14s %s\n", "delay ms", "step",
		"data blocks", "held back kB", "ExecmemBlocks", "load times" }
	$1 == "@reuse" {
		t = ""
		for (i = 7; i <= NF; i++) t = t " " $i
		printf "%-8s %-8s %11s %14s %14s %s\n", $2, $3, $4, $5, $6, t
	}' "$LOGS/reuse-reuse.out" | tee "$RESULTS/reuse.txt"
