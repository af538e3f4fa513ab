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

# meminfo_kb FIELD: a /proc/meminfo value in kB.
meminfo_kb() {
	sed -n "s/^$1: *\([0-9]*\) kB/\1/p" /proc/meminfo
}

# counters LABEL: the direct-map counters, as "@counters LABEL 4k-kB 2M-kB splits".
counters() {
	echo "@counters $1 $(meminfo_kb DirectMap4k) $(meminfo_kb DirectMap2M)" \
		"$(sed -n 's/^direct_map_level2_splits //p' /proc/vmstat)"
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
