#!/bin/sh
# bench-exec.sh: executable memory beyond modules (guest/job-exec.sh: BPF
# programs, kprobes, a dynamic ftrace trampoline), the same kernel booted
# with module.large_pages=0 and =1: per step the direct-map 2 MiB pages split
# and the DirectMap4k growth since the job began. build/results/exec.txt.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/tap.sh"

tap_begin exec
for sw in 0 1; do
	LOGNAME_PREFIX=exec-$sw- GUEST_APPEND="module.large_pages=$sw" \
		"$TOP/scripts/boot-guest.sh" exec
	result $? "exec_job_switch_${sw}_runs_with_a_clean_console"
	guest_tap "$LOGS/exec-$sw-exec.out" "switch_${sw}_"
done
awk 'FNR == 1 { sw = (FILENAME ~ /exec-1-/) }
	$1 == "@counters" && $2 == "start" { k0 = $3; s0 = $5 }
	$1 == "@counters" && $2 != "start" {
		if (!(($2) in seen)) { seen[$2] = 1; order[++n] = $2 }
		split0[$2, sw] = $5 - s0; k4[$2, sw] = $3 - k0
	}
	END {
		printf "%-12s %22s %22s\n", "step", "2M splits off / on", "DirectMap4k kB off / on"
		for (i = 1; i <= n; i++)
			printf "%-12s %10d / %-10d %10d / %-10d\n", order[i],
				split0[order[i], 0], split0[order[i], 1], k4[order[i], 0], k4[order[i], 1]
	}' "$LOGS/exec-0-exec.out" "$LOGS/exec-1-exec.out" | tee "$RESULTS/exec.txt"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
