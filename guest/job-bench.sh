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

# ipis: cross-CPU interrupts so far, summed over all CPUs: function calls
# (CAL) and TLB shootdowns (TLB) in /proc/interrupts.
ipis() {
	awk '$1 == "CAL:" || $1 == "TLB:" {
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i }
		END { print s + 0 }' /proc/interrupts
}

# full_flushes: whole-TLB flushes so far, summed over all CPUs.
full_flushes() {
	sed -n 's/^nr_tlb_local_flush_all //p' /proc/vmstat
}

# cost LABEL KO CYCLES: load+unload KO CYCLES times; print the latencies
# and the cross-CPU interrupts and full TLB flushes of all the cycles.
cost() {
	i0=$(ipis)
	a0=$(full_flushes)
	lat=$(/harness/loadbench "$2" "$3")
	echo "@cost $phase $1 $3 $(( $(ipis) - i0 )) $(( $(full_flushes) - a0 )) $lat"
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

# wait_released: up to 5 s for the pools to give their blocks back; the
# shrinkers (run by dropping the slab caches) return the spares.
wait_released() {
	echo 2 >/proc/sys/vm/drop_caches
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
cost bench_64k "$ko" 50
# xfs: over 33 pages of text, where a ranged flush becomes a full one. Its
# dependencies stay loaded; the cycles load and unload xfs alone.
modprobe xfs && rmmod xfs && cost xfs "$(modinfo -n xfs)" "$(cmdline_arg harness.bench_xfs 20)"
# The same boot, the switch toggled between single loads: xfs load+unload,
# and 8 loaders of different modules in parallel (wall time of 10 loads
# each), alternating off and on; ratios free of boot-to-boot spread.
if [ "$phase" = on ]; then
	sw=/sys/module/module/parameters/large_pages
	par=/kselftest/module_alloc/test_modules
	i=0
	while [ $i -lt "$(cmdline_arg harness.bench_alt 10)" ]; do
		for v in 0 1; do
			echo $v >$sw
			echo "@xfsalt $v $(/harness/loadbench "$(modinfo -n xfs)" 1)"
			if [ -r $par/ma_par_8.ko ]; then
				t0=$(ms_now)
				for p in 1 2 3 4 5 6 7 8; do
					/harness/loadbench $par/ma_par_$p.ko 10 >/dev/null &
				done
				wait
				t1=$(ms_now)
				echo "@paralt $v $((t1 - t0))"
			fi
		done
		i=$((i + 1))
	done
	echo 1 >$sw
fi
for m in xfs libcrc32c crc32c_generic exportfs; do
	grep -q "^$m " /proc/modules && rmmod "$m"
done
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
exec_users
for m in $(modset | sed '1!G;h;$!d'); do
	modprobe -r "$m" || echo "@error unload $m"
done
# Empty blocks go back after a second; each pool keeps one as a spare,
# which the shrinker gives back.
sleep 2
blocks "$phase-unloaded"
wait_released
blocks "$phase-drained"
counters "$phase-unloaded"

# The hardware microbenchmark runs here too, to show it works (TCG timing).
modprobe tlb_bench loops=20 &&
	echo "@tlbbench $phase $(cat /sys/module/tlb_bench/parameters/result)" &&
	modprobe -r tlb_bench
