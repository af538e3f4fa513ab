#!/bin/sh
# make-tree.sh: build/tree, the kernel work tree for editing the series: branch
# "series" = the base commit plus patches/series as commits. An existing tree
# with commits of its own is left alone unless FORCE=1.
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/import-base.sh" || exit 1
patches=$("$TOP/scripts/series-files.sh") || exit 1
cd "$TREE" || exit 1

n=$(git rev-list --count base..series)
if [ "$n" -gt 0 ] && [ "${FORCE:-0}" != 1 ]; then
	say "build/tree: branch series already has $n commits on the base; kept."
	say "(make tree FORCE=1 resets it to patches/, dropping unexported work)"
	exit 0
fi
[ -z "$(git status --porcelain --untracked-files=no)" ] || [ "${FORCE:-0}" = 1 ] ||
	die "build/tree has uncommitted changes; commit them or use FORCE=1"

git am --abort >/dev/null 2>&1
git checkout -q -f series && git reset -q --hard base || die "cannot reset build/tree"
for p in $patches; do
	git am -q --keep-cr "$p" || { git am --abort; die "patch ${p##*/} does not apply"; }
done

# The cover letter lives on as the branch description (see export-series.sh).
cover=$(ls "$TOP"/patches/0000-*.patch 2>/dev/null | head -n 1)
if [ -n "$cover" ]; then
	"$TOP/scripts/cover-description.sh" "$cover" >"$BUILD/cover.txt" &&
		git config branch.series.description "$(cat "$BUILD/cover.txt")"
fi
say "build/tree: branch series = base + $(git rev-list --count base..series) commits"
say "edit and commit there, then run 'make export'"
