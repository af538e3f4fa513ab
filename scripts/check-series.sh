#!/bin/sh
# check-series.sh: bisectability. After each patch of the series in order
# (base + first k patches, k = 1..N), build the kernel with the series'
# options on and off, and boot each build through the smoke job. Works in a
# worktree of its own (build/bisect) with objects in build/obj-bisect-on and
# build/obj-bisect-off. TAP, ending with "N passed, N failed". Slow: every
# patch that touches a widely included header rebuilds much of the kernel.
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/import-base.sh" || exit 1
patches=$("$TOP/scripts/series-files.sh") || exit 1
wt=$BUILD/bisect
if [ ! -e "$wt/.git" ]; then
	rm -rf "$wt"
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$wt" base || die "cannot create $wt"
fi
git -C "$wt" am --abort >/dev/null 2>&1
git -C "$wt" checkout -q -f --detach base || die "cannot reset $wt"

# The "off" fragment: every option of series.config turned off.
off=$BUILD/series-off.config
sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*$/# \1 is not set/p' "$TOP/configs/series.config" >"$off"
frags_on=$KERNEL_FRAGMENTS
frags_off=$(echo "$KERNEL_FRAGMENTS" | sed "s|[^ ]*/configs/series.config|$off|")

# build_and_boot NAME FRAGMENTS: one configuration of the current prefix.
build_and_boot() {
	obj=$BUILD/obj-bisect-$1
	# shellcheck disable=SC2086
	SRC=$wt RELAXED=1 "$TOP/scripts/configure-kernel.sh" "$obj" $2 &&
	SRC=$wt MODROOT_DIR=$BUILD/modroot-bisect-$1 BZIMAGE=$BUILD/bzImage-bisect-$1 \
		"$TOP/scripts/build-kernel.sh" "$obj" &&
	SRC=$wt MODROOT_DIR=$BUILD/modroot-bisect-$1 "$TOP/scripts/build-testmods.sh" "$obj" &&
	SRC=$wt MODROOT_DIR=$BUILD/modroot-bisect-$1 KSELFTEST_DIR=$BUILD/kselftest-none \
		"$TOP/scripts/make-initramfs.sh" "$BUILD/initramfs-bisect-$1.cpio.gz" &&
	BZIMAGE=$BUILD/bzImage-bisect-$1 INITRAMFS=$BUILD/initramfs-bisect-$1.cpio.gz \
		LOGNAME_PREFIX=bisect-$1- "$TOP/scripts/boot-guest.sh" smoke &&
	! grep -q '^not ok' "$LOGS/bisect-$1-smoke.out"
}

t0=$(now)
echo "TAP version 13"
n=0
pass=0
for p in $patches; do
	name=${p##*/}
	name=${name%.patch}
	if ! git -C "$wt" am -q --keep-cr "$p" >/dev/null 2>&1; then
		git -C "$wt" am --abort >/dev/null 2>&1
		n=$((n + 1))
		echo "not ok $n applies_${name}"
		break
	fi
	for cfg in on off; do
		n=$((n + 1))
		if [ "$cfg" = on ]; then frags=$frags_on; else frags=$frags_off; fi
		if build_and_boot "$cfg" "$frags" >"$BUILD/bisect-$cfg.log" 2>&1; then
			echo "ok $n builds_and_boots_option_${cfg}_after_${name}"
			pass=$((pass + 1))
		else
			echo "not ok $n builds_and_boots_option_${cfg}_after_${name} # see $BUILD/bisect-$cfg.log"
			tail -n 5 "$BUILD/bisect-$cfg.log" | sed 's/^/# /'
		fi
	done
done
echo "1..$n"
[ "$n" -gt 0 ] || echo "# the series is empty: nothing to bisect"
echo "# series check took $(elapsed "$t0")"
echo "$pass passed, $((n - pass)) failed"
[ "$pass" = "$n" ]
