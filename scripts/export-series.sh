#!/bin/sh
# export-series.sh: write build/tree's branch "series" (base..series) to
# patches/ as git format-patch files and patches/series. A commit that did not
# change re-exports byte-identical; patches that no longer exist are removed.
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no build/tree: run 'make tree' first"
cd "$TREE" || exit 1
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	die "build/tree has uncommitted changes: commit them first"
git rev-parse -q --verify series >/dev/null || die "build/tree has no branch 'series'"

out=$BUILD/export
rm -rf "$out"
mkdir -p "$out"
n=$(git rev-list --count base..series)
cover=
[ "$n" -gt 0 ] && [ -n "$(git config branch.series.description)" ] &&
	cover="--cover-letter --cover-from-description=subject"
# Hunks less than 6 lines apart are joined, so that a macro changed here
# and there shows whole (checkpatch reads a macro as far as the diff shows
# it, and takes the rest of its arguments for unused).
if [ "$n" -gt 0 ]; then
	# shellcheck disable=SC2086
	git -c core.abbrev=12 format-patch -q --zero-commit --no-signature $cover \
		--inter-hunk-context=6 -o "$out" base..series || die "git format-patch failed"
fi

# git dates the cover letter "now": give it the newest patch's date instead,
# so that an unchanged series re-exports byte-identical.
for f in "$out"/0000-*.patch; do
	[ -e "$f" ] || continue
	sed -i "1,/^\$/s/^Date: .*/Date: $(git log -1 --format=%aD series)/" "$f"
	# Drop the diffstat's "create mode" and similar summary lines: they
	# name whole paths and overrun checkpatch's 75 columns; the stat
	# above them already lists every file.
	sed -i -E '/^ (create|delete) mode [0-7]+ /d; /^ mode change [0-7]+ => /d' "$f"
done

(cd "$out" && ls -- *.patch 2>/dev/null | grep -v '^0000-') >"$BUILD/series.tmp"
mv "$BUILD/series.tmp" "$out/series"
changed=0
for f in "$out"/*; do
	[ -e "$f" ] || continue
	cmp -s "$f" "$TOP/patches/${f##*/}" && continue
	cp "$f" "$TOP/patches/${f##*/}"
	changed=$((changed + 1))
done
for f in "$TOP"/patches/*.patch; do
	[ -e "$f" ] || continue
	[ -e "$out/${f##*/}" ] && continue
	rm -f "$f"
	changed=$((changed + 1))
done
say "patches/: $n patches from build/tree, $changed files changed"
