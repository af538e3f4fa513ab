# Bench job, one phase per boot (harness.bench_phase=off|on, set with
# module.large_pages=0|1, so that the direct map starts unsplit in both):
# load+unload latency of one module (BENCH_CYCLES cycles) with the TLB
# flushes they cost, then the module set loaded one module at a time with a
# page-table snapshot after each, the direct-map counters, the block
# statistics with the set loaded and after unloading it. Lines start with @
# for the host (scripts/bench-report.sh).
. ./lib.sh

cycles=200
phase=on
for arg in $(cat /proc/cmdline); do
	case $arg in
	harness.bench_cycles=*) cycles=${arg#*=} ;;
	harness.bench_phase=*) phase=${arg#*=} ;;
	esac
done
stats=/sys/kernel/debug/execmem_blocks
echo 1 >/proc/sys/kernel/kptr_restrict

tlb_flushes() {
	awk '/^nr_tlb_/ { s += $2 } END { print s + 0 }' /proc/vmstat
}

snapshot() {
	echo "@snapshot $1"
	for d in /sys/module/*/sections; do
		m=${d%/sections}
		m=${m##*/}
		for s in "$d"/.* "$d"/*; do
			[ -f "$s" ] && echo "@section $m ${s##*/} $(cat "$s")"
		done
	done
	sed -n '/Modules/,/End Modules/s/^/@ptdump /p' /sys/kernel/debug/page_tables/kernel
	grep -E 'load_module|module_alloc' /proc/vmallocinfo | grep -v execmem_block |
		sed 's/^/@vmalloc /'
	echo "@end"
}

blocks() {
	[ -r "$stats" ] && awk -v p="$1" '$1 == "data" { print "@blocks", p, $2, $3, $4, $6 }' "$stats"
}

# wait_released: up to 5 s for the pool to give its blocks back.
wait_released() {
	i=0
	while [ -r "$stats" ] && [ "$(awk '$1 == "data" { print $2 }' "$stats")" != 0 ]; do
		i=$((i + 1))
		[ $i -gt 50 ] && break
		sleep 0.1
	done
}

ko=$(modinfo -n bench_64k)
f0=$(tlb_flushes)
echo "@latency $phase $cycles $(/harness/loadbench "$ko" "$cycles")"
echo "@flushes $phase $cycles $(( $(tlb_flushes) - f0 ))"
wait_released

counters "$phase-before"
k=0
for m in $(modset); do
	modprobe "$m" || echo "@error load $m"
	k=$((k + 1))
	snapshot "$phase $k"
	echo "@steplat $phase $k $(/harness/loadbench "$ko" 20)"
done
counters "$phase-loaded"
blocks "$phase-loaded"
for m in $(modset | sed '1!G;h;$!d'); do
	modprobe -r "$m" || echo "@error unload $m"
done
wait_released
blocks "$phase-unloaded"
counters "$phase-unloaded"

# The hardware microbenchmark runs here too, to show it works (TCG timing).
modprobe tlb_bench loops=20 &&
	echo "@tlbbench $phase $(cat /sys/module/tlb_bench/parameters/result)" &&
	modprobe -r tlb_bench
