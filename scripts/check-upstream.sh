#!/bin/sh
# check-upstream.sh: upstream's own test suites (selftests kmod, livepatch,
# ftrace's module testcases, mm/test_vmalloc.sh) in a guest with a Debian
# userland, against the series built with configs/upstream.config in
# build/obj-upstream. TAP; the last line is "N passed, N failed, N skipped".
# Builds build/src (patches/ applied) unless SRC names another tree, which
# is then built as it is.
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/tap.sh"

tap_begin upstream

t0=$(now)
echo "TAP version 13"
if [ "$SRC" = "$BUILD/src" ]; then
	"$TOP/scripts/apply-series.sh" || die "the series does not apply (see above)"
else
	say "# building $SRC as it is (SRC given)"
fi

obj=$BUILD/obj-upstream
export MODROOT_DIR="$BUILD/modroot-upstream" BZIMAGE="$BUILD/bzImage-upstream"
export INITRAMFS="$BUILD/rootfs-upstream.cpio" KSELFTEST_DIR="$BUILD/kselftest-upstream"
export LOGNAME_PREFIX=upstream-
# kmod.sh alone runs for many minutes under TCG.
export GUEST_TIMEOUT="${GUEST_TIMEOUT:-5400}"
# shellcheck disable=SC2086
"$TOP/scripts/configure-kernel.sh" "$obj" $KERNEL_FRAGMENTS "$TOP/configs/upstream.config" &&
	"$TOP/scripts/build-kernel.sh" "$obj" &&
	"$TOP/scripts/build-upstream-selftests.sh" "$obj" "$KSELFTEST_DIR" &&
	"$TOP/scripts/make-rootfs.sh" "$INITRAMFS"
st=$?
result $st kernel_selftests_rootfs_build_upstream

if [ $st = 0 ]; then
	"$TOP/scripts/boot-guest.sh" upstream
	result $? guest_upstream_boots_and_exits_cleanly
	out=$LOGS/${LOGNAME_PREFIX}upstream.out
	grep '^# ' "$out" 2>/dev/null
	guest_tap "$out"
fi

echo "1..$n"
echo "# upstream check took $(elapsed "$t0")"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
