#!/bin/sh
# checkpatch-series.sh: run scripts/checkpatch.pl --strict from build/src on
# every patch of the series; print one "ok|not ok NAME # errors warnings checks"
# line per patch. A patch passes with no error and no warning.
. "$(dirname "$0")/lib.sh"

patches=$("$TOP/scripts/series-files.sh") || exit 1
[ -x "$SRC/scripts/checkpatch.pl" ] || die "no build/src: apply the series first"
# checkpatch --strict writes a cache file into the current directory.
scratch=$BUILD/checkpatch
mkdir -p "$scratch"
cd "$scratch" || exit 1
for p in $patches; do
	name=${p##*/}
	"$SRC/scripts/checkpatch.pl" --strict --root="$SRC" --no-color --terse --no-summary \
		"$p" >"$scratch/$name.log" 2>&1
	e=$(grep -c ': ERROR:' "$scratch/$name.log")
	w=$(grep -c ': WARNING:' "$scratch/$name.log")
	c=$(grep -c ': CHECK:' "$scratch/$name.log")
	if [ "$e" = 0 ] && [ "$w" = 0 ]; then
		echo "ok checkpatch_${name%.patch} # $e errors, $w warnings, $c checks"
	else
		echo "not ok checkpatch_${name%.patch} # $e errors, $w warnings, $c checks"
		sed 's/^/# /' "$scratch/$name.log" | head -n 10
	fi
done
