# upstream job: upstream's own test suites, unchanged, on the Debian root of
# make-rootfs.sh, against the kernel built with configs/upstream.config.
# TAP, one line per test the suites define:
#   kmod_NNNN             kmod.sh -t NNNN (each enabled kmod test, its
#                         recommended number of runs)
#   livepatch_SCRIPT      each livepatch/test-*.sh
#   ftrace_FILE           each module-related ftracetest testcase (the list
#                         below); PASS/XFAIL ok, UNSUPPORTED/UNTESTED skip,
#                         FAIL/UNRESOLVED not ok
#   vmalloc_CASE          each test case of mm/test_vmalloc.sh with its
#                         "smoke" parameters: ok when its "Summary:" line in
#                         the kernel log says "failed: 0"
# A suite that cannot run is "ok N NAME # SKIP reason". Each run is limited
# to its own time (harness.upstream_timeout=SECONDS, default 1200 s), and
# harness.upstream_suites=kmod,livepatch,ftrace,vmalloc picks the suites.
# The suite_* functions are called by name.
# shellcheck disable=SC2317
. ./lib.sh

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ksft=/kselftest
limit=$(cmdline_arg harness.upstream_timeout 1200)
suites=$(cmdline_arg harness.upstream_suites kmod,livepatch,ftrace,vmalloc | tr ',' ' ')
# The module-related ftracetest testcases: they load a module (sample
# modules, preemptirq_delay_test) and trace, probe or patch its code.
ftrace_cases="direct/ftrace-direct.tc direct/kprobe-direct.tc
dynevent/add_remove_tprobe_module.tc event/trace_printk.tc
ftrace/func_mod_trace.tc kprobe/kprobe_module.tc preemptirq/irqsoff_tracer.tc"
# Not run unless harness.upstream_known_bad=1: the base 6.12.117 kernel
# itself oopses in it (a tracepoint probe on a module that is not loaded:
# WARNING in __unregister_ftrace_function, then a NULL pointer dereference
# in trace_fprobe_release), with or without the series.
known_bad="dynevent/add_remove_tprobe_module.tc"
[ "$(cmdline_arg harness.upstream_known_bad 0)" = 1 ] && known_bad=

n=0
npass=0
nfail=0
nskip=0
# emit STATUS NAME [COMMENT]: STATUS is pass, fail or skip.
emit() {
	n=$((n + 1))
	case $1 in
	pass) npass=$((npass + 1)); echo "ok $n $2${3:+ # $3}" ;;
	skip) nskip=$((nskip + 1)); echo "ok $n $2 # SKIP ${3:-skipped}" ;;
	*) nfail=$((nfail + 1)); echo "not ok $n $2${3:+ # $3}" ;;
	esac
}

# run NAME DIR CMD...: run CMD in DIR under the time limit with its output
# in /tmp/NAME.log (shown indented), the status in $rc and the seconds in $secs.
run() {
	name=$1
	dir=$2
	shift 2
	echo "harness: upstream $name start" >/dev/kmsg
	t=$(date +%s)
	(cd "$dir" && exec /usr/bin/timeout -k 10 "$limit" "$@") >"/tmp/$name.log" 2>&1 </dev/null
	rc=$?
	secs=$(($(date +%s) - t))
	echo "harness: upstream $name end rc=$rc" >/dev/kmsg
	sed 's/^/| /' "/tmp/$name.log"
}

# status_of RC: pass (0), skip (4, kselftest's skip code), fail (anything
# else; 124 is the time limit).
status_of() {
	case $1 in
	0) echo pass ;;
	4) echo skip ;;
	*) echo fail ;;
	esac
}
note() {
	case $1 in
	124 | 137) echo "time limit ($limit s) reached after ${2}s" ;;
	0) echo "${2}s" ;;
	*) echo "exit $1 after ${2}s" ;;
	esac
}

suite_kmod() {
	d=$ksft/kmod
	[ -x "$d/kmod.sh" ] || { emit skip kmod "kmod.sh not installed"; return; }
	# The enabled tests, in the script's own order.
	ids=$(sed -n 's/^ALL_TESTS="[^0-9]*\([0-9]\{4\}\):[0-9]*:1"$/\1/p' "$d/kmod.sh")
	[ -n "$ids" ] || { emit skip kmod "no enabled tests found in kmod.sh"; return; }
	for id in $ids; do
		run "kmod_$id" "$d" ./kmod.sh -t "$id"
		case $rc in
		4) emit skip "kmod_$id" "$(tail -n 1 "/tmp/kmod_$id.log")" ;;
		*) emit "$(status_of "$rc")" "kmod_$id" "$(note "$rc" "$secs")" ;;
		esac
	done
}

suite_livepatch() {
	d=$ksft/livepatch
	[ -d "$d/test_modules" ] || { emit skip livepatch "livepatch selftests not installed"; return; }
	# functions.sh only checks that KDIR exists (the modules are prebuilt);
	# the guest has no kernel build directory.
	export KDIR="$d/test_modules"
	for t in "$d"/test-*.sh; do
		name=livepatch_${t##*/}
		name=${name%.sh}
		run "$name" "$d" "./${t##*/}"
		case $rc in
		4) emit skip "$name" "$(tail -n 1 "/tmp/$name.log")" ;;
		*) emit "$(status_of "$rc")" "$name" "$(note "$rc" "$secs")" ;;
		esac
	done
}

suite_ftrace() {
	d=$ksft/ftrace
	[ -x "$d/ftracetest" ] || { emit skip ftrace "ftracetest not installed"; return; }
	for tc in $ftrace_cases; do
		name=ftrace_$(echo "${tc%.tc}" | tr '/-' '__')
		if [ ! -f "$d/test.d/$tc" ]; then
			emit skip "$name" "no test.d/$tc in this tree"
			continue
		fi
		case " $known_bad " in
		*" $tc "*)
			emit skip "$name" "oopses the base kernel too (trace_fprobe_release), not run"
			continue
			;;
		esac
		run "$name" "$d" ./ftracetest -v -l "/tmp/ftrace-logs" "test.d/$tc"
		# ftracetest's line: "[1] description<TAB>[RESULT]" (two for a
		# testcase that also runs in an instance): the worst one counts.
		res=$(sed -n 's/^\[[0-9]*\] .*\[\([A-Z]*\)\]$/\1/p' "/tmp/$name.log" | sort -u | tr '\n' ' ')
		case " $res" in
		*" FAIL "* | *UNRESOLVED* | *UNDEFINED*) emit fail "$name" "${res}$(note "$rc" "$secs")" ;;
		*PASS* | *XFAIL*)
			if [ "$rc" = 0 ]; then
				emit pass "$name" "${res}${secs}s"
			else
				emit fail "$name" "${res}$(note "$rc" "$secs")"
			fi
			;;
		*UNSUPPORTED* | *UNTESTED*) emit skip "$name" "ftracetest: ${res% }" ;;
		*) emit fail "$name" "no result, $(note "$rc" "$secs")" ;;
		esac
	done
}

suite_vmalloc() {
	t=$ksft/mm/test_vmalloc.sh
	[ -f "$t" ] || { emit skip vmalloc "test_vmalloc.sh not installed"; return; }
	mark="harness: vmalloc smoke mark $$ $(date +%s)"
	echo "$mark" >/dev/kmsg
	# The script's "smoke" parameters through its manual mode, without
	# align_shift_alloc_test (id 64): that one fails by design (alignments
	# up to 2^63; upstream marks it xfail since 2025, "lib/test_vmalloc:
	# introduce xfail for failing tests"), and its warn_alloc call trace
	# would fail the console check of the whole boot.
	run vmalloc_smoke "${t%/*}" ./test_vmalloc.sh test_loop_count=10000 test_repeat_count=10 \
		run_test_mask=$((0x7fffffff & ~64))
	# The script discards modprobe's status ("check the kernel ring buffer
	# to see the summary"): the "Summary:" lines are the results.
	dmesg | awk -v m="$mark" 'p; index($0, m) { p = 1 }' |
		sed -n 's/.*Summary: \([a-z_0-9]*\) passed: \([0-9]*\) failed: \([0-9]*\) .*avg: \([0-9]*\) usec.*/\1 \2 \3 \4/p' \
		>/tmp/vmalloc.summary
	if [ "$rc" = 4 ]; then
		emit skip vmalloc "$(tail -n 1 /tmp/vmalloc_smoke.log)"
	elif [ "$rc" != 0 ] || [ ! -s /tmp/vmalloc.summary ]; then
		emit fail vmalloc_smoke "no Summary lines in the kernel log, $(note "$rc" "$secs")"
	fi
	while read -r case passed failed avg; do
		if [ "$failed" = 0 ] && [ "$passed" -gt 0 ]; then
			emit pass "vmalloc_$case" "passed $passed, avg ${avg} us"
		else
			emit fail "vmalloc_$case" "passed $passed, failed $failed"
		fi
	done </tmp/vmalloc.summary
	emit skip vmalloc_align_shift_alloc_test "fails by design (upstream xfail), not run"
}

echo "TAP version 13"
if [ ! -x /bin/bash ] || [ ! -d "$ksft" ]; then
	echo "ok 1 upstream_suites # SKIP this root has no bash or no /kselftest (not the make-rootfs.sh image)"
	exit 0
fi
echo "# kernel $(uname -r), $(nproc) CPUs, limit ${limit}s per run, suites: $suites"
t0=$(date +%s)
for s in $suites; do
	ts=$(date +%s)
	"suite_$s"
	echo "# suite $s took $(($(date +%s) - ts))s"
done
echo "1..$n"
echo "# upstream suites took $(($(date +%s) - t0))s: $npass passed, $nfail failed, $nskip skipped"
exit 0
