# Bench job, one phase per boot (harness.bench_phase=off|on, set with
# module.large_pages=0|1, so that the direct map starts unsplit in both):
# load+unload latency of one module (BENCH_CYCLES cycles) with the TLB
# flushes they cost, then the module set loaded one module at a time with a
# page-table snapshot after each, the direct-map counters, the block
# statistics with the set loaded and after unloading it. Lines start with @
# for the host (scripts/bench-report.sh).
. ./lib.sh

cycles=$(cmdline_arg harness.bench_cycles 200)
phase=$(cmdline_arg harness.bench_phase on)

tlb_flushes() {
	awk '/^nr_tlb_/ { s += $2 } END { print s + 0 }' /proc/vmstat
}

snapshot() {
	echo "@snapshot $1"
	module_layout
	echo "@end"
}

# blocks LABEL: the block statistics of all pools together.
blocks() {
	[ -r /sys/kernel/debug/execmem_blocks ] &&
		echo "@blocks $1 $(pool_stat blocks) $(pool_stat bytes_used)" \
			"$(pool_stat bytes_free) $(pool_stat fallbacks)"
}

# wait_released: up to 5 s for the pools to give their blocks back.
wait_released() {
	i=0
	while [ "$(pool_stat blocks)" != 0 ]; do
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
