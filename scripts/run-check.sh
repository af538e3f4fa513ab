#!/bin/sh
# run-check.sh [normal|debug|lockdep|i386]: all tests, as TAP, ending with "N
# passed, N failed"; a variant other than normal adds configs/VARIANT.config.
# The series applies with no fuzz; the kernel build; then the guest jobs.
# Beside them, on the core that the guests' one TCG thread leaves idle:
# checkpatch --strict (from the start) and (normal only) the
# distribution-config compile check (one job; CHECK_DISTRO=0 skips it) and
# churn.sh in a guest of its own, once the kernel is built; their lines
# come last. Exits non-zero on any failure.
# i386 (make ARCH=i386 check): an x86_32 PAE kernel and guest with Debian's
# i386 busybox; no checkpatch (make check does it) and only the kselftest
# job, whose results are named i386_module_alloc_*. SRC=DIR builds another
# tree as it is, without applying patches/ (reported as a skip).
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/tap.sh"

variant=${1:-normal}
[ "$variant" = i386 ] && export ARCH=i386
tap_begin "$variant"

t0=$(now)
echo "TAP version 13"
if [ "$SRC" = "$BUILD/src" ]; then
	"$TOP/scripts/apply-series.sh" >"$RESULTS/apply.log" 2>&1
	st=$?
	result $st series_applies_with_git_am_no_fuzz "$(tail -n 1 "$RESULTS/apply.log")"
	[ $st = 0 ] || { cat "$RESULTS/apply.log"; }
else
	# Never git am into a tree given by hand: it would lose its changes.
	st=0
	result skip series_applies_with_git_am_no_fuzz "SRC given: $SRC built as it is"
fi

# Host work that needs no guest runs beside the build and the guests: a
# guest's vCPUs share one TCG thread and leave the second core idle. Their
# results are read at the end.
cp_pid='' lane_pid=''
if [ $st = 0 ] && [ "$variant" = i386 ]; then
	say "# checkpatch: not per architecture, make check runs it"
elif [ $st = 0 ]; then
	step "checkpatch --strict on every patch, in the background"
	"$TOP/scripts/checkpatch-series.sh" >"$RESULTS/checkpatch.tap" 2>&1 &
	cp_pid=$!
fi

if [ $st = 0 ]; then
	if [ "$variant" != normal ]; then
		# configs/VARIANT.config on top, in build/obj-VARIANT.
		obj=$BUILD/obj-$variant
		export MODROOT_DIR=$BUILD/modroot-$variant BZIMAGE=$BUILD/bzImage-$variant
		export INITRAMFS=$BUILD/initramfs-$variant.cpio.gz LOGNAME_PREFIX=$variant-
		export KSELFTEST_DIR=$BUILD/kselftest-$variant
		export GUEST_TIMEOUT=${GUEST_TIMEOUT:-3000}
		# Under TCG with -cpu max (5-level paging), the base 6.12.117
		# KASAN kernel reports a wild-memory-access in an early IRQ at
		# boot; the debug guests run with 4-level paging (i386 has
		# neither).
		[ "$variant" = i386 ] || export GUEST_APPEND="${GUEST_APPEND:-} no5lvl"
		frags="$KERNEL_FRAGMENTS $TOP/configs/$variant.config"
		[ -r "$TOP/configs/$variant.config" ] || die "no configs/$variant.config"
	else
		obj=$OBJ
		frags=$KERNEL_FRAGMENTS
	fi
	# The i386 guest needs neither the synthetic modules (the smoke job's)
	# nor the host's kmod and mkfs.
	testmods=build-testmods.sh initramfs=make-initramfs.sh
	[ "$variant" = i386 ] && testmods='' initramfs=make-initramfs-i386.sh
	# shellcheck disable=SC2086
	"$TOP/scripts/configure-kernel.sh" "$obj" $frags &&
		"$TOP/scripts/build-kernel.sh" "$obj" &&
		{ [ -z "$testmods" ] || "$TOP/scripts/$testmods" "$obj"; } &&
		"$TOP/scripts/build-kselftests.sh" "$obj" "${KSELFTEST_DIR:-$BUILD/kselftest}" &&
		"$TOP/scripts/$initramfs" "${INITRAMFS:-$BUILD/initramfs.cpio.gz}"
	st=$?
	result $st "kernel_modules_initramfs_build_$variant"
fi
# guest_tap reads its lines into a variable named st: keep the build's.
built=$st

# The second lane, beside the smoke and kselftest guests (normal only):
# what a distribution builder does (Debian's config plus the series'
# options, compiled with one job), then churn.sh, the longest of the
# selftests, in a guest of its own. Module KASLR, switch off against on,
# follows the selftests in the first lane, with few boots (make check-kaslr
# boots 16 times each way; KASLR_BOOTS=0 skips it).
kaslr_boots=${KASLR_BOOTS:-6}
[ "$built" = 0 ] && [ "$variant" = normal ] || kaslr_boots=0
[ "$variant" = normal ] && [ "${CHECK_DISTRO:-1}" = 1 ] && distro=1 || distro=0
split=0
[ "$built" = 0 ] && [ "$variant" = normal ] &&
	grep -qx 'module_alloc:churn.sh' "$BUILD/kselftest/kselftest-list.txt" 2>/dev/null && split=1
rm -f "$RESULTS/distro.rc" "$RESULTS/churn.rc"
if [ "$distro" = 1 ] || [ "$split" = 1 ]; then
	step "beside the guests: the Debian-config compile (check-distro), churn.sh in a guest of its own"
	(
		if [ "$distro" = 1 ]; then
			JOBS=1 "$TOP/scripts/check-distro.sh" >"$RESULTS/distro.tap" 2>"$RESULTS/distro.log"
			echo $? >"$RESULTS/distro.rc"
		fi
		if [ "$split" = 1 ]; then
			GUEST_TIMEOUT=${GUEST_TIMEOUT:-1500} LOGNAME_PREFIX=churn- \
			GUEST_APPEND="${GUEST_APPEND:-} harness.kselftests=churn.sh" \
				"$TOP/scripts/boot-guest.sh" kselftest >"$RESULTS/churn.log" 2>&1
			echo $? >"$RESULTS/churn.rc"
		fi
	) &
	lane_pid=$!
fi

if [ $st = 0 ] && [ "$variant" = i386 ]; then
	"$TOP/scripts/boot-guest.sh" kselftest
	result $? "i386_guest_kselftest_boots_and_exits_cleanly"
	guest_tap "$LOGS/${LOGNAME_PREFIX:-}kselftest.out" "i386_module_alloc_"
elif [ $st = 0 ]; then
	"$TOP/scripts/boot-guest.sh" smoke
	st=$?
	result $st "guest_smoke_boots_and_exits_cleanly"
	guest_tap "$LOGS/${LOGNAME_PREFIX:-}smoke.out" "smoke_"

	# The selftests take about 13 minutes under TCG, churn.sh 6 of them
	# (beside, when split).
	rest=''
	[ "$split" = 1 ] && rest=" harness.kselftests=$(sed -n 's/^module_alloc://p' \
		"$BUILD/kselftest/kselftest-list.txt" | grep -vx churn.sh | paste -s -d, -)"
	GUEST_TIMEOUT=${GUEST_TIMEOUT:-1500} GUEST_APPEND="${GUEST_APPEND:-}$rest" \
		"$TOP/scripts/boot-guest.sh" kselftest
	result $? "guest_kselftest_boots_and_exits_cleanly"
	guest_tap "$LOGS/${LOGNAME_PREFIX:-}kselftest.out" "module_alloc_"
fi

if [ "$kaslr_boots" != 0 ]; then
	: >"$RESULTS/kaslr.tap"
	"$TOP/scripts/check-kaslr.sh" "$kaslr_boots" >"$RESULTS/kaslr.log" 2>&1
	st_kaslr=$?
	sed 's/^/# /' "$RESULTS/kaslr.log"
	result $st_kaslr "module_kaslr_boots_${kaslr_boots}_each_way"
	guest_tap "$RESULTS/kaslr.tap" ""
fi

if [ -n "$cp_pid" ]; then
	wait "$cp_pid"
	grep '^# ' "$RESULTS/checkpatch.tap"
	sed -n 's/^\(not ok\|ok\) \(checkpatch_[^ ]*\)\( # \(.*\)\)\{0,1\}$/\1|\2|\4/p' \
		"$RESULTS/checkpatch.tap" >"$RESULTS/checkpatch.lines"
	while IFS='|' read -r s name comment; do
		[ "$s" = ok ] && s=0 || s=1
		result $s "$name" "$comment"
	done <"$RESULTS/checkpatch.lines"
fi
[ -n "$lane_pid" ] && wait "$lane_pid"
if [ "$distro" = 1 ]; then
	grep '^# ' "$RESULTS/distro.tap"
	guest_tap "$RESULTS/distro.tap" ""
	# A check that stopped before its "not ok" line (a missing package, say).
	if [ "$(cat "$RESULTS/distro.rc" 2>/dev/null)" != 0 ] &&
	   ! grep -q '^not ok ' "$RESULTS/distro.tap"; then
		result 1 distro_config_check_runs "$(tail -n 1 "$RESULTS/distro.log")"
	fi
fi
if [ "$split" = 1 ]; then
	cat "$RESULTS/churn.log"
	result "$(cat "$RESULTS/churn.rc" 2>/dev/null || echo 1)" \
		"guest_churn_kselftest_boots_and_exits_cleanly"
	guest_tap "$LOGS/churn-kselftest.out" "module_alloc_"
fi

echo "1..$n"
echo "# $variant check took $(elapsed "$t0")"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
