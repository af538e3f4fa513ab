# Report job: load the module set, use it for real, then dump what the host
# needs to report where module memory lives: every loaded module's section
# addresses, the Modules part of the kernel page-table dump, and the direct-map
# counters before loading, after loading and after unloading all; and, with
# the set loaded, where BPF programs, kprobes and a trampoline live.
. ./lib.sh

echo "@kernel $(uname -r)"
counters before
for m in $(modset); do
	modprobe "$m" || echo "@error load $m"
done
rmmod brd && modprobe brd rd_nr=2 rd_size=409600 || echo "@error brd"
fs_roundtrip ext4 /dev/ram0 || echo "@error ext4 round trip"
fs_roundtrip xfs /dev/ram1 || echo "@error xfs round trip"
counters loaded

module_layout
[ -r /sys/kernel/debug/execmem_blocks ] &&
	sed 's/^/@blocks /' /sys/kernel/debug/execmem_blocks
check_wx && echo "@wx passed" || echo "@wx FAILED"
exec_users

for m in $(modset | sed '1!G;h;$!d'); do
	modprobe -r "$m" || echo "@error unload $m"
done
counters unloaded
