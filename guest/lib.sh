# Helpers for guest jobs: TAP output and the module set. Source it.

# Debian's busybox shell runs its own applets before searching PATH: the real
# kmod tools and mkfs programs are called by their full paths.
modprobe() { /sbin/modprobe "$@"; }
insmod() { /sbin/insmod "$@"; }
rmmod() { /sbin/rmmod "$@"; }
lsmod() { /sbin/lsmod "$@"; }
modinfo() { /sbin/modinfo "$@"; }
mkfs_ext4() { /sbin/mkfs.ext4 "$@"; }
mkfs_xfs() { /sbin/mkfs.xfs "$@"; }

tap_n=0
# ok COND-EXIT-STATUS NAME: print one TAP line for the status of the last command.
tap() {
	st=$1
	shift
	tap_n=$((tap_n + 1))
	if [ "$st" = 0 ]; then
		echo "ok $tap_n $*"
	else
		echo "not ok $tap_n $*"
	fi
}

# The modules the harness loads, in load order (modprobe pulls dependencies).
modset() {
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' /harness/module-set
}

# cmdline_arg NAME [DEFAULT]: the value of NAME=VALUE on the kernel command
# line, or DEFAULT.
cmdline_arg() {
	v=${2:-}
	for arg in $(cat /proc/cmdline); do
		case $arg in "$1"=*) v=${arg#*=} ;; esac
	done
	echo "$v"
}

# ms_now: milliseconds since boot.
ms_now() {
	awk '{ printf "%d", $1 * 1000 }' /proc/uptime
}

# wait_output FILE SECONDS: wait until FILE has content (a background
# program's first line), for at most SECONDS.
wait_output() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt $(($2 * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# meminfo_kb FIELD: a /proc/meminfo value in kB.
meminfo_kb() {
	sed -n "s/^$1: *\([0-9]*\) kB/\1/p" /proc/meminfo
}

# counters LABEL: the direct-map counters, as
# "@counters LABEL 4k-kB 2M-kB 2M-splits 1G-splits".
counters() {
	echo "@counters $1 $(meminfo_kb DirectMap4k) $(meminfo_kb DirectMap2M)" \
		"$(sed -n 's/^direct_map_level2_splits //p' /proc/vmstat)" \
		"$(sed -n 's/^direct_map_level3_splits //p' /proc/vmstat)"
}

# module_layout: what the host needs to map module memory: every loaded
# module's section addresses, the Modules part of the kernel page-table dump,
# and the vmalloc areas of regions allocated one by one.
module_layout() {
	for d in /sys/module/*/sections; do
		m=${d%/sections}
		m=${m##*/}
		for s in "$d"/.* "$d"/*; do
			[ -f "$s" ] && echo "@section $m ${s##*/} $(cat "$s")"
		done
	done
	sed -n '/Modules/,/End Modules/s/^/@ptdump /p' /sys/kernel/debug/page_tables/kernel
	# A region from execmem is its own vmalloc area (size includes a guard
	# page); the series' shared blocks are areas too, but hold many regions.
	echo 1 >/proc/sys/kernel/kptr_restrict
	grep -E 'load_module|module_alloc' /proc/vmallocinfo | grep -v execmem_block |
		sed 's/^/@vmalloc /'
}

# pool_stat FIELD: a column of /sys/kernel/debug/execmem_blocks summed over
# the pools (0 without the file).
pool_stat() {
	f=/sys/kernel/debug/execmem_blocks
	[ -r "$f" ] || { echo 0; return; }
	awk -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{ sum += $col[c] } END { print sum + 0 }' "$f"
}

# kprobes_add N MODULE: register up to N kprobe events harness/k0... on
# functions of MODULE (30 at most) and of the kernel, each at the first
# offset past the entry that takes a kprobe of its own: an entry probe
# (after ENDBR with IBT) on an ftrace site goes through ftrace, not an
# instruction slot, and is removed again. Prints how many.
kprobes_add() {
	t=/sys/kernel/tracing
	n=0
	for f in $( (grep "\[$2\]" $t/available_filter_functions | head -n 30
		grep -v '\[' $t/available_filter_functions |
			grep -E '^(vfs_|do_sys|ksys_|__x64_sys_|sys_)' | head -n 300) |
		awk '{ print $1 }'); do
		[ $n -ge "$1" ] && break
		off=1
		while [ $off -le 16 ]; do
			if echo "p:harness/k$n $f+$off" >>$t/kprobe_events 2>/dev/null; then
				awk -v f="$f+" 'index($3, f) == 1 && /\[FTRACE\]/ { hit = 1 }
					END { exit !hit }' /sys/kernel/debug/kprobes/list || break
				echo "-:harness/k$n" >>$t/kprobe_events
			fi
			off=$((off + 1))
		done
		[ $off -le 16 ] && n=$((n + 1))
	done
	echo "$n"
}

# exec_pages USER NAME_RE MODULE: "@exec USER PAGE LEVEL" for every
# distinct page of the /proc/kallsyms symbols of MODULE (bpf,
# __builtin__kprobes, __builtin__ftrace) whose names match NAME_RE, with its
# level in the kernel page-table dump (pmd, pte), for
# scripts/exec-report.awk; read while the pages live (exec-pages.awk).
exec_pages() {
	awk -f /harness/ptdump.awk -f /harness/exec-pages.awk -v u="$1" -v re="$2" \
		-v m="[$3]" /sys/kernel/debug/page_tables/kernel /proc/kallsyms
}

# exec_users: executable memory beyond modules, for the exec report
# (scripts/exec-report.awk) of make and make bench: 100 BPF socket filters
# (the series' selftest program), 10 kprobes on ext4 and kernel functions,
# then the function tracer on one ext4 function (a dynamic trampoline). For
# each, while it lives, the direct-map counters and its pages with their
# mapping level. Needs ext4 loaded; leaves nothing behind.
exec_users() {
	t=/sys/kernel/tracing
	echo "@exec switch $(cat /sys/module/module/parameters/large_pages 2>/dev/null || echo none)"
	echo 1 >/proc/sys/net/core/bpf_jit_kallsyms
	counters exec-start
	rm -f /tmp/bpf.out
	/kselftest/module_alloc/bpf_filter 100 hold >/tmp/bpf.out 2>&1 &
	pid=$!
	wait_output /tmp/bpf.out 120
	grep -q '^bpf_filter 100 loaded 100 jited 100 ran' /tmp/bpf.out ||
		echo "@error bpf: $(cat /tmp/bpf.out)"
	counters bpf
	exec_pages bpf '^bpf_prog_' bpf
	kill "$pid"
	wait "$pid" 2>/dev/null

	echo >$t/kprobe_events
	n=$(kprobes_add 10 ext4)
	[ "$n" = 10 ] || echo "@error kprobes: $n of 10 registered"
	echo 1 >$t/events/harness/enable
	cat /proc/modules >/dev/null
	counters kprobes
	exec_pages kprobes '^kprobe_(opt)?insn_page$' __builtin__kprobes
	echo 0 >$t/events/harness/enable
	echo >$t/kprobe_events

	echo ext4_file_open >$t/set_ftrace_filter
	echo function >$t/current_tracer
	counters ftrace
	exec_pages ftrace '^ftrace_trampoline$' __builtin__ftrace
	echo nop >$t/current_tracer
	echo >$t/set_ftrace_filter
}

# check_wx: 0 when the W+X walk over the kernel page tables finds nothing.
check_wx() {
	grep -q -i -E 'success|passed' /sys/kernel/debug/check_wx_pages
}

# fs_roundtrip FSTYPE DEV: mkfs, mount, write a file, remount, read it back.
fs_roundtrip() {
	fs=$1
	dev=$2
	mnt=/mnt/$fs
	mkdir -p "$mnt"
	case $fs in
	ext4) mkfs_ext4 -q -F "$dev" >/tmp/mkfs.log 2>&1 ;;
	xfs) mkfs_xfs -q -f "$dev" >/tmp/mkfs.log 2>&1 ;;
	esac || { cat /tmp/mkfs.log; return 1; }
	mount -t "$fs" "$dev" "$mnt" || return 1
	dd if=/dev/urandom of=/tmp/payload bs=64k count=16 2>/dev/null
	cp /tmp/payload "$mnt/payload" && sync
	umount "$mnt" || return 1
	mount -t "$fs" "$dev" "$mnt" || return 1
	cmp -s /tmp/payload "$mnt/payload"
	st=$?
	umount "$mnt" || return 1
	return $st
}
