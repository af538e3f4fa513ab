#!/bin/sh
# series-files.sh: print the patches of patches/series in order, one path a
# line, skipping comments and blank lines. Fails if the series names a missing
# file or if patches/ holds a .patch file the series does not list.
. "$(dirname "$0")/lib.sh"

series=$TOP/patches/series
[ -f "$series" ] || die "patches/series is missing"

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$series")
for p in $listed; do
	[ -f "$TOP/patches/$p" ] || die "patches/series names $p, which is not in patches/"
done
for f in "$TOP"/patches/*.patch; do
	[ -e "$f" ] || continue
	b=${f##*/}
	case $b in 0000-*) continue ;; esac
	printf '%s\n' "$listed" | grep -qxF "$b" || die "patches/$b is not listed in patches/series"
done
for p in $listed; do
	say "$TOP/patches/$p"
done
