#!/bin/sh
# make-initramfs-i386.sh OUT.cpio.gz: the i386 guest's root: Debian's i386
# busybox (its insmod, rmmod, modprobe, lsmod, modinfo stand in for kmod),
# the modules from MODROOT_DIR, the kselftests from KSELFTEST_DIR and the
# guest jobs from guest/. No host binaries (they are amd64): the i386 guest
# runs the kselftest job only; the smoke job needs kmod and mkfs.
. "$(dirname "$0")/lib.sh"

out=${1:-$BUILD/initramfs-i386.cpio.gz}
modroot=${MODROOT_DIR:-$BUILD/modroot-i386}
[ -d "$modroot/lib/modules" ] || die "no modules in $modroot: build the kernel first"
"$TOP/scripts/need-packages.sh" cpio || exit 1
"$TOP/scripts/get-busybox-i386.sh" || exit 1

root=${out%.cpio.gz}.d
rm -rf "$root"
mkdir -p "$root"/bin "$root"/sbin "$root"/proc "$root"/sys "$root"/dev "$root"/harness

cp "$BUILD/busybox-i386/bin/busybox" "$root/bin/busybox"
# guest/lib.sh calls the module tools by their /sbin paths.
for t in modprobe insmod rmmod lsmod modinfo depmod; do
	ln -s ../bin/busybox "$root/sbin/$t"
done

mkdir -p "$root/lib"
cp -a "$modroot/lib/modules" "$root/lib/"
cp "$TOP/guest/init" "$root/init"
chmod +x "$root/init"
cp "$TOP"/guest/*.sh "$TOP/guest/module-set" "$root/harness/"
"$TOP/scripts/pack-initramfs.sh" "$root" "$out" "${KSELFTEST_DIR:-$BUILD/kselftest-i386}"
