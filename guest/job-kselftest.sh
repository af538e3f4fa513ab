# kselftest job: run the series' module_alloc selftests with the standard
# runner and print their results as flat TAP (one line per subtest and per test).
. ./lib.sh

echo "TAP version 13"
if [ ! -x /kselftest/run_kselftest.sh ]; then
	echo "ok 1 module_alloc_kselftests # SKIP not in this tree"
	exit 0
fi
# Test sizes from the kernel command line (make check-long sets them).
v=$(cmdline_arg harness.churn_cycles)
[ -n "$v" ] && export CHURN_CYCLES="$v"
v=$(cmdline_arg harness.churn_loads)
[ -n "$v" ] && export CHURN_LOADS="$v"
v=$(cmdline_arg harness.spaced_cycles)
[ -n "$v" ] && export SPACED_CYCLES="$v"
# Modules the kernel loaded by itself (request_module() at boot: crypto
# and the like, on a distribution config) hold blocks of the pools whose
# counts the tests check: unload what can go, in a few passes for the
# dependencies, and say what stays.
for pass in 1 2 3; do
	for m in $(awk '$3 == 0 { print $1 }' /proc/modules); do
		rmmod "$m" 2>/dev/null
	done
done
echo "# modules left before the tests: $(awk '{ printf "%s ", $1 }' /proc/modules)"
cd /kselftest || exit 1
# The runner appends each test's output to its stdout: open the log with O_APPEND.
: >/tmp/kselftest.log
# harness.kselftests=A,B: only those tests (make check runs churn.sh in a
# guest of its own, beside the others).
sel="-c module_alloc"
v=$(cmdline_arg harness.kselftests)
[ -n "$v" ] && sel=$(echo "$v" | tr ',' '\n' | sed 's/^/-t module_alloc:/')
# shellcheck disable=SC2086
./run_kselftest.sh $sel >>/tmp/kselftest.log 2>&1
sed 's/^/| /' /tmp/kselftest.log
# "# ok 3 name" inside a test becomes "ok name"; "ok 1 selftests: module_alloc: t.sh"
# becomes "ok t.sh". Numbers are assigned by the host.
sed -n -e 's/^# \(not ok\|ok\) [0-9]* \(.*\)$/\1 0 \2/p' \
	-e 's/^\(not ok\|ok\) [0-9]* selftests: module_alloc: \(.*\)$/\1 0 \2/p' /tmp/kselftest.log
