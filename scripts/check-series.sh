#!/bin/sh
# check-series.sh: bisectability. Build the kernel after each patch of the
# series in order (base + first k patches, k = 1..N), in a worktree of its own
# (build/bisect) with its own objects (build/obj-bisect). TAP, one line a patch,
# ending with "N passed, N failed".
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/import-base.sh" || exit 1
patches=$("$TOP/scripts/series-files.sh") || exit 1
wt=$BUILD/bisect
obj=$BUILD/obj-bisect
if [ ! -e "$wt/.git" ]; then
	rm -rf "$wt"
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$wt" base || die "cannot create $wt"
fi
git -C "$wt" am --abort >/dev/null 2>&1
git -C "$wt" checkout -q -f --detach base || die "cannot reset $wt"

echo "TAP version 13"
n=0
pass=0
for p in $patches; do
	n=$((n + 1))
	name=${p##*/}
	if git -C "$wt" am -q --keep-cr "$p" >/dev/null 2>&1 &&
	   SRC=$wt "$TOP/scripts/configure-kernel.sh" "$obj" >/dev/null &&
	   SRC=$wt MODROOT_DIR=$BUILD/modroot-bisect BZIMAGE=$BUILD/bzImage-bisect \
		"$TOP/scripts/build-kernel.sh" "$obj" >/dev/null; then
		echo "ok $n builds_after_${name%.patch}"
		pass=$((pass + 1))
	else
		git -C "$wt" am --abort >/dev/null 2>&1
		echo "not ok $n builds_after_${name%.patch} # see $obj/build.log"
		break
	fi
done
echo "1..$n"
[ "$n" -gt 0 ] || echo "# the series is empty: nothing to bisect"
echo "$pass passed, $((n - pass)) failed"
[ "$pass" = "$n" ]
