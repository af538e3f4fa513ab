#!/bin/sh
# apply-series.sh: make build/src the base plus patches/series, applied with
# git am (exact context, no fuzz). Stops at the first patch that does not
# apply and names it. Skips the work when the series has not changed.
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/import-base.sh" || exit 1
patches=$("$TOP/scripts/series-files.sh") || exit 1

stamp=$BUILD/.series-applied
sum=$( (git -C "$TREE" rev-parse base; for p in $patches; do cat "$p"; done) | sha256sum)
if [ -d "$SRC" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] &&
   [ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ]; then
	exit 0
fi
rm -f "$stamp"

if [ ! -e "$SRC/.git" ]; then
	rm -rf "$SRC"
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$SRC" base || die "cannot create $SRC"
fi
cd "$SRC" || exit 1
git am --abort >/dev/null 2>&1
git checkout -q -f --detach base || die "cannot check out the base in $SRC"

n=0
for p in $patches; do
	n=$((n + 1))
	if ! git am -q --keep-cr "$p" >"$BUILD/am.log" 2>&1; then
		git am --abort >/dev/null 2>&1
		sed 's/^/    /' "$BUILD/am.log" | head -n 20
		die "patch ${p##*/} does not apply to the base"
	fi
done
step "series applied: $n patches on linux-source $(git log -1 --format=%s base | cut -d' ' -f2)"
printf '%s\n' "$sum" >"$stamp"
