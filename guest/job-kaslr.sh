# KASLR job: load the module set in its fixed order, then print the load
# order and where each module's text, rodata, data and ro_after_init
# sections start. scripts/check-kaslr.sh compares the boots.
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
exit 0
