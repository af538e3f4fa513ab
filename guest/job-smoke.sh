# Smoke test: every module of the set loads and unloads, ext4 and xfs work on a
# ram disk, and the kernel page tables hold no W+X mapping. TAP on stdout.
. ./lib.sh

echo "TAP version 13"
for m in $(modset); do
	modprobe "$m"
	tap $? "load_$m"
done

grep -q '^brd ' /proc/modules || modprobe brd
rmmod brd 2>/dev/null
modprobe brd rd_nr=2 rd_size=409600
tap $? "load_brd_with_two_400M_disks"
fs_roundtrip ext4 /dev/ram0
tap $? "ext4_file_roundtrip_on_ramdisk"
fs_roundtrip xfs /dev/ram1
tap $? "xfs_file_roundtrip_on_ramdisk"

check_wx
tap $? "check_wx_pages_with_set_loaded"

for m in $(modset | sed '1!G;h;$!d'); do
	modprobe -r "$m"
	tap $? "unload_$m"
done
left=$(for m in $(modset) jbd2 mbcache crc16 libcrc32c; do
	grep "^$m " /proc/modules; done)
[ -z "$left" ]
tap $? "no_module_of_the_set_left_loaded"
check_wx
tap $? "check_wx_pages_after_unload"

# Debug kernels: kmemleak finds nothing unreferenced after all this.
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	leaks=$(grep -c unreferenced /sys/kernel/debug/kmemleak)
	[ "$leaks" = 0 ]
	tap $? "kmemleak_reports_no_leak # $leaks unreferenced objects"
	[ "$leaks" = 0 ] || head -n 40 /sys/kernel/debug/kmemleak | sed 's/^/# /'
else
	tap 0 "kmemleak_reports_no_leak # SKIP no kmemleak in this kernel"
fi
echo "1..$tap_n"
