#!/bin/sh
# boot-guest.sh JOB: boot BZIMAGE with INITRAMFS under QEMU TCG and run the
# guest job JOB (guest/job-JOB.sh). Its output lands in build/logs/JOB.out,
# the console in build/logs/JOB.console. Fails when the guest does not finish
# in GUEST_TIMEOUT seconds, when the job's exit status is not 0, or when the
# console shows an oops, panic, WARN or BUG; then prints the last console lines.
# GUEST_DEVICES: more QEMU arguments (devices), split at blanks.
. "$(dirname "$0")/lib.sh"

job=$1
[ -n "$job" ] || die "usage: boot-guest.sh JOB"
bzimage=${BZIMAGE:-$BUILD/bzImage}
initramfs=${INITRAMFS:-$BUILD/initramfs.cpio.gz}
timeout=${GUEST_TIMEOUT:-600}
logname=${LOGNAME_PREFIX:-}$job
mkdir -p "$LOGS"
console=$LOGS/$logname.console
out=$LOGS/$logname.out
[ -r "$bzimage" ] || die "no kernel image $bzimage: run 'make kernel'"
[ -r "$initramfs" ] || die "no initramfs $initramfs: run 'make initramfs'"
"$TOP/scripts/need-packages.sh" qemu-system-x86 || exit 1

# Never KVM: on these machines a KVM guest hangs after "Booting from ROM".
# One TCG thread for all vCPUs: with multi-threaded TCG (QEMU 7.2) the base
# 6.12 kernel, too, now and then oopses on an INT3 that text_poke_bp() left
# in jump-label or ftrace sites; GUEST_TCG_THREAD=multi brings it back.
# An i386 kernel (ARCH=i386) boots in qemu-system-i386, without NUMA. TCG's
# "max" CPU is an AMD family 6 model 6 stepping 3: a K7 Athlon to a 32-bit
# kernel, which WARNs that such Athlons are not fit for SMP unless the
# stepping is 0 or 1 (amd_k7_smp_check()).
qemu=qemu-system-x86_64 cpu=max numa=numa=fake=2
[ "${ARCH:-}" = i386 ] && qemu=qemu-system-i386 cpu=max,stepping=1 numa=''
set -- "$qemu" -accel "tcg,thread=${GUEST_TCG_THREAD:-single}" \
	-cpu "$cpu" -smp "${GUEST_CPUS:-4}" -m "${GUEST_MEM:-2G}" \
	-no-reboot -kernel "$bzimage" -initrd "$initramfs" ${GUEST_DEVICES:-} \
	-append "console=ttyS0 panic=-1${numa:+ $numa} harness.job=$job ${GUEST_APPEND:-}"

if [ "$job" = shell ]; then
	exec "$@" -nographic -serial mon:stdio -serial null
fi

t0=$(now)
step "booting the guest for job '$job' (TCG, $timeout s at most)"
rm -f "$console" "$out"
timeout "$timeout" "$@" -display none -monitor none \
	-serial "file:$console" -serial "file:$out" 2>"$LOGS/$logname.qemu"
qemu_rc=$?
# The serial line ends lines with CR LF.
for f in "$console" "$out"; do
	[ -f "$f" ] && tr -d '\r' <"$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

fail() {
	say "    last console lines ($console):"
	tail -n "${TAIL_LINES:-40}" "$console" 2>/dev/null | sed 's/^/    | /'
	die "$*"
}
[ "$qemu_rc" = 124 ] && fail "guest job '$job' did not finish in $timeout s"
# An allocation-failure report (warn_alloc(): "vmalloc error", "page
# allocation failure") prints a call trace too; the tests provoke those
# with fault injection on purpose, so such a report up to its </TASK> is
# no problem. Everything else that prints a trace is.
bad=$(awk '/vmalloc error: |page allocation failure: / { skip = 1 }
	!skip { print NR ": " $0 }
	skip && /<\/TASK>/ { skip = 0 }' "$console" |
	grep -E 'Oops|BUG:|WARNING:|Kernel panic|general protection fault|Call Trace:|UBSAN:|KASAN:|kmemleak:.*suspected|kmemleak: .*unknown object|possible circular locking|INFO: task .* blocked|insecure W\+X' | head -n 5)
[ -z "$bad" ] || { say "$bad" | sed 's/^/    ! /'; fail "the guest kernel reported a problem (job '$job')"; }
rc=$(sed -n 's/^HARNESS-EXIT \([0-9]*\).*/\1/p' "$out" | tail -n 1)
[ -n "$rc" ] || fail "guest job '$job' ended without an exit status (qemu exit $qemu_rc)"
[ "$rc" = 0 ] || fail "guest job '$job' exited with status $rc"
say "    guest job '$job' done in $(elapsed "$t0")"
