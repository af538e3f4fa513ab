#!/bin/sh
# run-check.sh [normal|debug|lockdep]: all tests, as TAP, ending with "N passed,
# N failed"; a variant other than normal adds configs/VARIANT.config.
# Host checks (the series applies with no fuzz, checkpatch --strict), the
# kernel build, then guest jobs, then (normal only; CHECK_DISTRO=0 skips
# it) the distribution-config compile check. Exits non-zero on any failure.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/tap.sh"

variant=${1:-normal}
tap_begin "$variant"

t0=$(now)
echo "TAP version 13"
"$TOP/scripts/apply-series.sh" >"$RESULTS/apply.log" 2>&1
st=$?
result $st series_applies_with_git_am_no_fuzz "$(tail -n 1 "$RESULTS/apply.log")"
[ $st = 0 ] || { cat "$RESULTS/apply.log"; }

if [ $st = 0 ]; then
	"$TOP/scripts/checkpatch-series.sh" >"$RESULTS/checkpatch.tap" 2>&1
	grep '^# ' "$RESULTS/checkpatch.tap"
	sed -n 's/^\(not ok\|ok\) \(checkpatch_[^ ]*\)\( # \(.*\)\)\{0,1\}$/\1|\2|\4/p' \
		"$RESULTS/checkpatch.tap" >"$RESULTS/checkpatch.lines"
	while IFS='|' read -r s name comment; do
		[ "$s" = ok ] && s=0 || s=1
		result $s "$name" "$comment"
	done <"$RESULTS/checkpatch.lines"

	if [ "$variant" != normal ]; then
		# configs/VARIANT.config on top, in build/obj-VARIANT.
		obj=$BUILD/obj-$variant
		export MODROOT_DIR=$BUILD/modroot-$variant BZIMAGE=$BUILD/bzImage-$variant
		export INITRAMFS=$BUILD/initramfs-$variant.cpio.gz LOGNAME_PREFIX=$variant-
		export KSELFTEST_DIR=$BUILD/kselftest-$variant
		export GUEST_TIMEOUT=${GUEST_TIMEOUT:-3000}
		# Under TCG with -cpu max (5-level paging), the base 6.12.117
		# KASAN kernel reports a wild-memory-access in an early IRQ at
		# boot; the debug guests run with 4-level paging.
		export GUEST_APPEND="${GUEST_APPEND:-} no5lvl"
		frags="$KERNEL_FRAGMENTS $TOP/configs/$variant.config"
		[ -r "$TOP/configs/$variant.config" ] || die "no configs/$variant.config"
	else
		obj=$OBJ
		frags=$KERNEL_FRAGMENTS
	fi
	# shellcheck disable=SC2086
	"$TOP/scripts/configure-kernel.sh" "$obj" $frags &&
		"$TOP/scripts/build-kernel.sh" "$obj" &&
		"$TOP/scripts/build-testmods.sh" "$obj" &&
		"$TOP/scripts/build-kselftests.sh" "$obj" "${KSELFTEST_DIR:-$BUILD/kselftest}" &&
		"$TOP/scripts/make-initramfs.sh" "${INITRAMFS:-$BUILD/initramfs.cpio.gz}"
	st=$?
	result $st "kernel_modules_initramfs_build_$variant"
fi

if [ $st = 0 ]; then
	"$TOP/scripts/boot-guest.sh" smoke
	st=$?
	result $st "guest_smoke_boots_and_exits_cleanly"
	guest_tap "$LOGS/${LOGNAME_PREFIX:-}smoke.out" "smoke_"

	"$TOP/scripts/boot-guest.sh" kselftest
	result $? "guest_kselftest_boots_and_exits_cleanly"
	guest_tap "$LOGS/${LOGNAME_PREFIX:-}kselftest.out" "module_alloc_"
fi

# What a distribution builder does: Debian's config plus the series' options.
if [ "$variant" = normal ] && [ "${CHECK_DISTRO:-1}" = 1 ]; then
	"$TOP/scripts/check-distro.sh" >"$RESULTS/distro.tap"
	grep '^# ' "$RESULTS/distro.tap"
	guest_tap "$RESULTS/distro.tap" ""
fi

echo "1..$n"
echo "# $variant check took $(elapsed "$t0")"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
