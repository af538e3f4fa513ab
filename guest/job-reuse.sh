# Reuse job (make bench-reuse, on a kernel with the experiment
# bench/experiments/data-reuse-delay.patch): what a delay before freed
# module data is reused costs. For each delay: a small module (bench_64k)
# loaded and unloaded back to back, then the module set loaded, unloaded
# and loaded again at once (a service restart); the data pool's blocks, the
# bytes held back and ExecmemBlocks right after each, and the load times.
# Lines start with @ for the host.
. ./lib.sh

param=/sys/module/execmem_blocks/parameters/data_reuse_delay_ms
[ -w $param ] || { echo "@error no $param: not the experiment's kernel"; exit 1; }
ko=$(modinfo -n bench_64k)

# data_stat FIELD: a column of the data pool in debugfs execmem_blocks.
data_stat() {
	awk -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$1 == "data" { print $col[c] }' /sys/kernel/debug/execmem_blocks
}

state() {
	echo "$(data_stat blocks) $(( $(data_stat quarantined) / 1024 )) $(meminfo_kb ExecmemBlocks)"
}

# First loads: dependencies and the page cache of the module files.
for m in $(modset); do modprobe "$m"; done
for m in $(modset | sed '1!G;h;$!d'); do modprobe -r "$m"; done
for d in 0 100 1000 5000; do
	echo "$d" >$param
	echo 2 >/proc/sys/vm/drop_caches
	sleep 2
	lat=$(/harness/loadbench "$ko" 100)
	echo "@reuse $d churn $(state) $lat"
	t0=$(ms_now)
	for m in $(modset); do modprobe "$m"; done
	for m in $(modset | sed '1!G;h;$!d'); do modprobe -r "$m"; done
	for m in $(modset); do modprobe "$m"; done
	t1=$(ms_now)
	echo "@reuse $d restart $(state) $((t1 - t0))"
	for m in $(modset | sed '1!G;h;$!d'); do modprobe -r "$m"; done
	sleep $(( d / 1000 + 2 ))
	echo "@reuse $d settled $(state)"
done
echo 0 >$param
