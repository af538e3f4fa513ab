# Exec job (make bench-exec): executable memory beyond modules and what it
# does to the direct map. In steps, each followed by the direct-map
# counters and, while they live, the pages of the step's users with their
# mapping level (exec_pages): N eBPF socket filters JITed and run
# (bpf_filter of the series' selftests: 1, 10, 1000),
# 100 kprobes on kernel and module functions enabled and hit, a function
# tracer with a filter on a module function (a dynamic ftrace trampoline);
# then what loading BPF programs and kprobes costs in time and cross-CPU
# interrupts; then vmalloc's own test module. Lines start with @ for the
# host; TAP lines for what must hold.
. ./lib.sh

tr=/sys/kernel/tracing
bpf_filter=/kselftest/module_alloc/bpf_filter
echo 1 >/proc/sys/net/core/bpf_jit_kallsyms
echo 1 >/proc/sys/kernel/kptr_restrict
sw=$(cat /sys/module/module/parameters/large_pages 2>/dev/null || echo none)
echo "@exec switch $sw"
counters start

# 1. BPF: the programs stay loaded while the counters are read.
for n in 1 10 1000; do
	rm -f /tmp/bpf.out
	"$bpf_filter" "$n" hold >/tmp/bpf.out 2>&1 &
	pid=$!
	wait_output /tmp/bpf.out 300
	grep -q "^bpf_filter $n loaded $n jited $n ran" /tmp/bpf.out
	tap $? "bpf_${n}_programs_jited_and_filtering # $(cat /tmp/bpf.out)"
	counters "bpf-$n"
	exec_pages "bpf-$n" '^bpf_prog_' bpf
	kill "$pid"
	wait "$pid" 2>/dev/null
done

# 2. kprobes: 100 of them, on functions of the kernel and of ext4, at the
# first offset past the entry that the kernel accepts (an entry probe on an
# ftrace site would go through ftrace instead of an instruction slot).
modprobe ext4 || echo "@error ext4"
echo >$tr/kprobe_events
n=$(kprobes_add 100 ext4)
echo 1 >$tr/events/harness/enable 2>/dev/null
# Hit them: file system and module activity.
modprobe -r ext4 2>/dev/null; modprobe ext4
ls -R /harness >/dev/null; cat /proc/modules >/dev/null
hits=$(awk '$1 ~ /^k[0-9]/ { s += $2 } END { print s + 0 }' $tr/kprobe_profile)
[ "$n" = 100 ] && [ "$hits" -gt 0 ]
tap $? "kprobes_100_registered_and_hit # $n registered, $hits hits"
counters kprobes
exec_pages kprobes '^kprobe_(opt)?insn_page$' __builtin__kprobes
echo 0 >$tr/events/harness/enable 2>/dev/null
echo >$tr/kprobe_events

# 3. ftrace: the function tracer on one ext4 function gets a trampoline of
# its own.
f=$(grep '\[ext4\]' $tr/available_filter_functions | grep -m 1 'ext4_file_open\|ext4_getattr' | awk '{ print $1 }')
echo "$f" >$tr/set_ftrace_filter
echo function >$tr/current_tracer
modprobe loop
mkdir -p /tmp/e4 && dd if=/dev/zero of=/tmp/e4.img bs=1M count=8 2>/dev/null &&
	mkfs_ext4 -q -F /tmp/e4.img && mount -o loop /tmp/e4.img /tmp/e4 2>/dev/null &&
	touch /tmp/e4/x && cat /tmp/e4/x && ls -l /tmp/e4 >/dev/null && umount /tmp/e4
grep -q " $f" $tr/trace
tap $? "ftrace_traces_module_function # $f"
counters ftrace
exec_pages ftrace '^ftrace_trampoline$' __builtin__ftrace
echo nop >$tr/current_tracer
echo >$tr/set_ftrace_filter
check_wx
tap $? wx_check_passes

# 4. What it costs: five rounds of 1000 BPF programs loaded, JITed, run
# and freed, and of 100 kprobes registered and removed, each timed (from
# /proc/uptime) with the TLB-shootdown and function-call interrupts it sent
# (/proc/interrupts), for scripts/exec-cost.awk.
ipis() {
	awk '$1 == "TLB:" || $1 == "CAL:" { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++)
		s[$1] += $i } END { print s["TLB:"] + 0, s["CAL:"] + 0 }' /proc/interrupts
}
# cost USER CMD...: run CMD; "@cost USER START END TLB0 CAL0 TLB1 CAL1"
# (uptime and interrupt sums before and after).
cost() {
	u=$1
	shift
	t0=$(cut -d' ' -f1 /proc/uptime)
	i0=$(ipis)
	"$@" >/dev/null 2>&1 || echo "@error cost $u: $* failed"
	echo "@cost $u $t0 $(cut -d' ' -f1 /proc/uptime) $i0 $(ipis)"
}
kprobes_cycle() {
	[ "$(kprobes_add 100 ext4)" = 100 ] || return 1
	echo 1 >$tr/events/harness/enable
	echo 0 >$tr/events/harness/enable
	echo >$tr/kprobe_events
}
for round in 1 2 3 4 5; do
	cost bpf-1000 "$bpf_filter" 1000
	cost kprobes-100 kprobes_cycle
done >/tmp/cost.out
cat /tmp/cost.out
! grep -q '^@error' /tmp/cost.out
tap $? "cost_rounds_of_bpf_and_kprobes_ran"

# 5. vmalloc's own test module (the series changes mm/vmalloc.c): every
# test case but align_shift_alloc_test (bit 6: it fails by design, upstream
# marks it xfail) with a short loop, with 4 KiB and with huge mappings; the
# module does not stay loaded (-EAGAIN), by design.
for huge in 0 1; do
	dmesg -c >/dev/null
	modprobe test_vmalloc test_loop_count=2000 use_huge=$huge run_test_mask=1983 2>/dev/null
	res=$(dmesg | awk '/Summary:/ { n++; for (i = 1; i < NF; i++) {
			if ($i == "Summary:") name = $(i + 1)
			if ($i == "passed:") p += $(i + 1)
			if ($i == "failed:" && $(i + 1) > 0) { f += $(i + 1); bad = bad " " name } } }
		END { printf "%d %d %d%s", n, p, f, bad }')
	set -- $res
	[ "$1" -gt 0 ] && [ "$2" -gt 0 ] && [ "$3" = 0 ]
	tap $? "test_vmalloc_use_huge_${huge} # $1 test cases, $2 passed, $3 failed${4:+:$4}"
done
