#!/bin/sh
# show-report.sh: turn the report job's output (build/logs/report.out) into the
# module memory report, build/report.txt, and print it.
. "$(dirname "$0")/lib.sh"

out=$LOGS/report.out
[ -r "$out" ] || die "no $out: boot the report job first"
"$TOP/scripts/module-manifest.sh" "$MODROOT" >"$BUILD/manifest.txt" || exit 1
awk -f "$TOP/guest/ptdump.awk" -f "$TOP/scripts/module-report.awk" \
	"$BUILD/manifest.txt" "$out" >"$BUILD/report.txt"
st=$?
{
	echo
	echo "Executable memory beyond modules (pages in use; direct-map 2M splits since the BPF programs, cumulative):"
	awk -f "$TOP/scripts/exec-report.awk" "$out"
} >>"$BUILD/report.txt" || st=1
cat "$BUILD/report.txt"
[ $st = 0 ] || die "the report job reported errors"
