# Grow job (make bench-grow): what a pool growing costs the loaders that do
# not need a new block. A small module (bench_64k) is loaded and unloaded
# harness.grow_small times (300) while, on another CPU, a grower loads the
# module set (2-3 new blocks per class) and unloads it again, waiting for
# the blocks to go back between rounds; synth_4k stays loaded so that every
# class keeps a block with room for the small module. Four runs: the small
# loader alone; with the grower; with the grower while bench/fragment holds
# memory in a pattern that leaves few free 2 MiB blocks (the pools' own
# blocks, given back between rounds, are free 2 MiB blocks again); with the
# grower while fail_page_alloc fails every request of 2 MiB or more. Lines
# start with @ for the host (scripts/bench-grow.sh): the small loader's
# load+unload times, and the times of its calls into the pools (kprobe
# events on execmem_block_alloc() and execmem_block_free()).
. ./lib.sh

small=$(cmdline_arg harness.grow_small 300)
label=$(cmdline_arg harness.grow_label run)
ko=$(modinfo -n bench_64k)

# free_2m: free blocks of 2 MiB or more, from /proc/buddyinfo (order 9 up).
free_2m() {
	awk '{ for (i = 14; i <= NF; i++) s += $i } END { print s + 0 }' /proc/buddyinfo
}

# added: blocks added since boot, or - on a kernel without that counter.
added() {
	if head -n 1 /sys/kernel/debug/execmem_blocks | grep -qw added; then
		pool_stat added
	else
		echo -
	fi
}

# grow_round: load the module set, unload it, let the blocks go back.
grow_round() {
	for m in $(modset); do
		[ "$m" = synth_4k ] || modprobe "$m" || return 1
	done
	for m in $(modset | sed '1!G;h;$!d'); do
		[ "$m" = synth_4k ] || modprobe -r "$m" || return 1
	done
	sleep 1.2
	echo 2 >/proc/sys/vm/drop_caches
}

# grower: rounds until the file /tmp/small-done appears; prints the number of
# rounds and their mean time in ms.
grower() {
	n=0
	t0=$(ms_now)
	while [ ! -e /tmp/small-done ]; do
		grow_round || { echo "grower: round failed"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] && echo "$n $(( ($(ms_now) - t0) / n ))" || echo "0 0"
}

# delta BEFORE AFTER: AFTER - BEFORE, or - when either is -.
delta() {
	case $1$2 in *-*) echo - ;; *) echo $(($2 - $1)) ;; esac
}

# percentiles FILE: "n p50 p90 p99 max" of the times in FILE (ns), in us.
percentiles() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (!NR) { print "0 0 0 0 0"; exit }
		printf "%d %d %d %d %d\n", NR, v[int(NR * 0.5) + 1] / 1000,
			v[int(NR * 0.9) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000, v[NR] / 1000 }'
}

# The small loader's calls into the pools, timed with kprobe events on
# entry and return of execmem_block_alloc() and execmem_block_free():
# what a loader waits for there while another task adds a block.
tr=/sys/kernel/tracing
pool_trace_on() {
	echo >$tr/trace
	for f in alloc free; do
		echo "p:grow/${f} execmem_block_$f" >>$tr/kprobe_events &&
			echo "r:grow/${f}_ret execmem_block_$f" >>$tr/kprobe_events || return 1
	done
	echo 'comm == "loadbench"' >$tr/events/grow/filter &&
		echo 1 >$tr/events/grow/enable
}

pool_trace_off() {
	echo 0 >$tr/events/grow/enable
	echo >$tr/kprobe_events
}

# pool_calls KIND: the durations of the traced calls to execmem_block_KIND(),
# in ns, a line each.
pool_calls() {
	awk -v k="$1" '{ for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+\.[0-9]+:$/) break
		ts = substr($i, 1, length($i) - 1); ev = $(i + 1)
		if (ev == k ":") start[$1] = ts
		else if (ev == k "_ret:" && ($1 in start)) {
			printf "%.0f\n", (ts - start[$1]) * 1e9; delete start[$1] }
	}' $tr/trace
}

# run NAME WITH_GROWER: the small loader, with or without the grower beside it.
run() {
	rm -f /tmp/small-done /tmp/grower.out
	f0=$(pool_stat fallbacks)
	a0=$(added)
	if [ "$2" = 1 ]; then
		grower >/tmp/grower.out 2>&1 &
		gpid=$!
	fi
	pool_trace_on || return 1
	/harness/loadbench "$ko" "$small" each >/tmp/small.ns || return 1
	touch /tmp/small-done
	echo 0 >$tr/events/grow/enable
	# Read before the events go: their entries print only while they exist.
	pool_calls alloc >/tmp/alloc.ns
	pool_calls free >/tmp/free.ns
	pool_trace_off
	rounds="0 0"
	if [ "$2" = 1 ]; then
		wait "$gpid"
		rounds=$(tail -n 1 /tmp/grower.out)
	fi
	echo "@grow $label $1 $(percentiles /tmp/small.ns) $rounds" \
		"$(( $(pool_stat fallbacks) - f0 )) $(delta "$a0" "$(added)") $(free_2m)" \
		"$(percentiles /tmp/alloc.ns) $(percentiles /tmp/free.ns)"
}

modprobe synth_4k || exit 1
# First loads of the set (dependencies, page cache of the module files).
grow_round || exit 1
echo "@free2m $label before $(free_2m) $(meminfo_kb MemFree)"
run alone 0 || exit 1
run grower 1 || exit 1
/harness/fragment "$(cmdline_arg harness.grow_keep_mib 48)" 32 >/tmp/fragment.out &
fpid=$!
wait_output /tmp/fragment.out 600
echo "@fragment $label $(cat /tmp/fragment.out) free2m $(free_2m)"
run fragmented 1 || exit 1
kill "$fpid"
wait "$fpid" 2>/dev/null

# No free 2 MiB block at all: fail_page_alloc fails every allocation of
# order 9 or more, sleeping ones too.
fpa=/sys/kernel/debug/fail_page_alloc
echo 9 >$fpa/min-order
echo N >$fpa/ignore-gfp-wait
echo 0 >$fpa/verbose
echo -1 >$fpa/times
echo 100 >$fpa/probability
run failing 1 || exit 1
echo 0 >$fpa/probability
modprobe -r synth_4k
echo "@blocks $label $(pool_stat blocks)"
