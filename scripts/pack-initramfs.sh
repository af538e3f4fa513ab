#!/bin/sh
# pack-initramfs.sh ROOT OUT.cpio.gz MODROOT [KSELFTEST_DIR]: add what every
# guest root has to ROOT, which holds the guest's tools already: the mount
# points, the modules installed under MODROOT, /init and the guest jobs from
# guest/, and the installed kselftests (when KSELFTEST_DIR holds any) as
# /kselftest. Then pack ROOT into OUT.cpio.gz, files owned by root.
. "$(dirname "$0")/lib.sh"

root=$1 out=$2 modroot=$3 kselftest=${4:-}
[ -d "$root" ] && [ -n "$out" ] && [ -n "$modroot" ] ||
	die "usage: pack-initramfs.sh ROOT OUT.cpio.gz MODROOT [KSELFTEST_DIR]"
[ -d "$modroot/lib/modules" ] || die "no modules in $modroot: build the kernel first"

mkdir -p "$root"/proc "$root"/sys "$root"/dev "$root"/harness "$root"/lib
cp -a "$modroot/lib/modules" "$root/lib/"
cp "$TOP/guest/init" "$root/init"
chmod +x "$root/init"
cp "$TOP"/guest/*.sh "$TOP"/guest/*.awk "$TOP/guest/module-set" "$root/harness/"
if [ -n "$kselftest" ] && [ -d "$kselftest" ] && [ -n "$(ls "$kselftest")" ]; then
	cp -a "$kselftest" "$root/kselftest"
fi

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1) >"$out.tmp" ||
	die "cannot write $out"
mv "$out.tmp" "$out"
say "    initramfs: $(du -h "$out" | cut -f1)"
