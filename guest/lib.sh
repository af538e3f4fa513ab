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
