#!/bin/sh
# bench-exec.sh: executable memory beyond modules (guest/job-exec.sh: BPF
# programs, kprobes, a dynamic ftrace trampoline), the same kernel booted
# with module.large_pages=0 and =1: per user the bytes of its pages in 2 MiB
# and 4 KiB mappings, the TLB entries they take and the direct-map 2 MiB
# pages split since the job began (scripts/exec-report.awk); then what
# loading 1000 BPF programs and 100 kprobes costs, in seconds and
# cross-CPU interrupts (scripts/exec-cost.awk).
# build/results/exec.txt.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/tap.sh"

tap_begin exec
for sw in 0 1; do
	LOGNAME_PREFIX=exec-$sw- GUEST_APPEND="module.large_pages=$sw" \
		"$TOP/scripts/boot-guest.sh" exec
	result $? "exec_job_switch_${sw}_runs_with_a_clean_console"
	guest_tap "$LOGS/exec-$sw-exec.out" "switch_${sw}_"
done
awk -f "$TOP/scripts/exec-report.awk" "$LOGS/exec-0-exec.out" "$LOGS/exec-1-exec.out" |
	tee "$RESULTS/exec.txt"
awk -f "$TOP/scripts/exec-cost.awk" "$LOGS/exec-0-exec.out" "$LOGS/exec-1-exec.out" |
	tee -a "$RESULTS/exec.txt"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
