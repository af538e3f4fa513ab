# KASLR job: load the module set in its fixed order, then print the load
# order and where each module's text, rodata, data and ro_after_init
# sections start, and where a BPF program, a kprobe slot and an ftrace
# trampoline start. scripts/check-kaslr.sh compares the boots.
. ./lib.sh

echo "@switch $(cat /sys/module/module/parameters/large_pages 2>/dev/null || echo none)"
for m in $(modset); do
	modprobe "$m" || echo "@error load $m"
done
# /proc/modules lists the newest module first.
awk '{ print "@order " $1 }' /proc/modules | sed '1!G;h;$!d'
for d in /sys/module/*/sections; do
	m=${d%/sections}
	m=${m##*/}
	for s in .text .rodata .data .data..ro_after_init __jump_table; do
		[ -f "$d/$s" ] && echo "@section $m $s $(cat "$d/$s")"
	done
done
# Packing with this placement: the blocks of each pool with the set loaded.
[ -r /sys/kernel/debug/execmem_blocks ] &&
	sed -n '2,$s/^/@blocks /p' /sys/kernel/debug/execmem_blocks

# Executable memory beyond modules, each reported as the text of a
# "module" of its own: a JITed BPF program (held while it is read), a
# kprobe's instruction slot page, the function tracer's trampoline for one
# ext4 function. Where the kernel or the guest has none, nothing is said.
# exec_start USER NAME_RE MODULE: the first such symbol of /proc/kallsyms
# (the module compares first: busybox awk compiles RE at every use).
exec_start() {
	a=$(awk -v re="$2" -v m="[$3]" '$4 == m && $3 ~ re { print $1; exit }' /proc/kallsyms)
	[ -n "$a" ] && echo "@order $1" && echo "@section $1 .text 0x$a"
}
echo 1 >/proc/sys/net/core/bpf_jit_kallsyms 2>/dev/null
bpf_filter=/kselftest/module_alloc/bpf_filter
if [ -x "$bpf_filter" ]; then
	rm -f /tmp/bpf.out
	"$bpf_filter" 1 hold >/tmp/bpf.out 2>&1 &
	pid=$!
	wait_output /tmp/bpf.out 60
	exec_start bpf '^bpf_prog_' bpf
	kill "$pid"
	wait "$pid" 2>/dev/null
fi
t=/sys/kernel/tracing
if [ -w $t/kprobe_events ] && [ "$(kprobes_add 1 ext4)" = 1 ]; then
	exec_start kprobes '^kprobe_(opt)?insn_page$' __builtin__kprobes
	echo >$t/kprobe_events
fi
if [ -w $t/current_tracer ] && echo ext4_file_open >$t/set_ftrace_filter 2>/dev/null; then
	echo function >$t/current_tracer
	exec_start ftrace '^ftrace_trampoline$' __builtin__ftrace
	echo nop >$t/current_tracer
	echo >$t/set_ftrace_filter
fi
exit 0
