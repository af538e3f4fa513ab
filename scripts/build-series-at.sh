#!/bin/sh
# build-series-at.sh REF [EXTRA.patch]: build the series as it was at commit
# REF of this repository (its patches/ there), with EXTRA.patch on top if
# given (an experiment, bench/experiments/), into build/at-REF[-EXTRA]/:
# source worktree, kernel, modules with the synthetic ones, bzImage and
# initramfs (without the kselftests). For measurements before and after a
# change of the series:
#   BZIMAGE=build/at-REF/bzImage INITRAMFS=build/at-REF/initramfs.cpio.gz \
#   scripts/boot-guest.sh JOB
# The directories mirror build/src and build/obj, so that ccache finds what
# the main build compiled (paths are kept relative to the object directory).
. "$(dirname "$0")/lib.sh"

ref=$1 extra=${2:-}
[ -n "$ref" ] || die "usage: build-series-at.sh REF [EXTRA.patch]"
rev=$(git -C "$TOP" rev-parse --short "$ref^{commit}") || die "no commit $ref here"
dir=$BUILD/at-$rev
if [ -n "$extra" ]; then
	[ -r "$extra" ] || die "no patch $extra"
	extra=$(cd "$(dirname "$extra")" && pwd)/${extra##*/}
	name=${extra##*/}
	dir=$dir-${name%.patch}
fi
"$TOP/scripts/import-base.sh" || exit 1

if [ ! -f "$dir/.applied" ]; then
	step "applying the series of $rev in ${dir#"$TOP"/}/src"
	rm -rf "$dir"
	git -C "$TREE" worktree prune
	mkdir -p "$dir/patches"
	git -C "$TREE" worktree add -q --detach "$dir/src" base || die "cannot create $dir/src"
	for p in $(git -C "$TOP" show "$rev:patches/series" | sed -e 's/#.*//' -e '/^[[:space:]]*$/d'); do
		git -C "$TOP" show "$rev:patches/$p" >"$dir/patches/$p" || die "no $p in $rev"
		git -C "$dir/src" am -q --keep-cr "$dir/patches/$p" >"$dir/am.log" 2>&1 ||
			die "patch $p of $rev does not apply (see $dir/am.log)"
	done
	if [ -n "$extra" ]; then
		git -C "$dir/src" am -q --keep-cr "$extra" >"$dir/am.log" 2>&1 ||
			die "${extra##*/} does not apply on the series of $rev (see $dir/am.log)"
	fi
	touch "$dir/.applied"
fi

# Built once, with the config fragments of that day: later changes to
# configs/ do not rebuild it (remove the directory for that).
export SRC="$dir/src" MODROOT_DIR="$dir/modroot" BZIMAGE="$dir/bzImage"
if [ ! -f "$dir/bzImage" ]; then
	"$TOP/scripts/configure-kernel.sh" "$dir/obj" || exit 1
	"$TOP/scripts/build-kernel.sh" "$dir/obj" || exit 1
	"$TOP/scripts/build-testmods.sh" "$dir/obj" || exit 1
fi
KSELFTEST_DIR=$dir/no-kselftests "$TOP/scripts/make-initramfs.sh" "$dir/initramfs.cpio.gz" || exit 1
say "    ${dir#"$BUILD"/}: $dir/bzImage, $dir/initramfs.cpio.gz"
