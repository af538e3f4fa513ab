#!/bin/sh
# pack-initramfs.sh ROOT OUT.cpio.gz [KSELFTEST_DIR]: add the installed
# kselftests (when KSELFTEST_DIR holds any) to the guest root ROOT as
# /kselftest, then pack ROOT into OUT.cpio.gz, files owned by root.
. "$(dirname "$0")/lib.sh"

root=$1 out=$2 kselftest=${3:-}
[ -d "$root" ] && [ -n "$out" ] || die "usage: pack-initramfs.sh ROOT OUT.cpio.gz [KSELFTEST_DIR]"
if [ -n "$kselftest" ] && [ -d "$kselftest" ] && [ -n "$(ls "$kselftest")" ]; then
	cp -a "$kselftest" "$root/kselftest"
fi

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1) >"$out.tmp" ||
	die "cannot write $out"
mv "$out.tmp" "$out"
say "    initramfs: $(du -h "$out" | cut -f1)"
