#!/bin/sh
# make-initramfs-i386.sh OUT.cpio.gz: the i386 guest's root: Debian's i386
# busybox (its insmod, rmmod, modprobe, lsmod, modinfo stand in for kmod),
# and what pack-initramfs.sh adds to every guest root (the modules from
# MODROOT_DIR, the guest jobs, the kselftests from KSELFTEST_DIR). No host
# binaries (they are amd64): the i386 guest runs the kselftest job only; the
# smoke job needs kmod and mkfs.
. "$(dirname "$0")/lib.sh"

out=${1:-$BUILD/initramfs-i386.cpio.gz}
modroot=${MODROOT_DIR:-$BUILD/modroot-i386}
"$TOP/scripts/need-packages.sh" cpio || exit 1
"$TOP/scripts/get-busybox-i386.sh" || exit 1

root=${out%.cpio.gz}.d
rm -rf "$root"
mkdir -p "$root"/bin "$root"/sbin

cp "$BUILD/busybox-i386/bin/busybox" "$root/bin/busybox"
# guest/lib.sh calls the module tools by their /sbin paths.
for t in modprobe insmod rmmod lsmod modinfo depmod; do
	ln -s ../bin/busybox "$root/sbin/$t"
done

"$TOP/scripts/pack-initramfs.sh" "$root" "$out" "$modroot" "${KSELFTEST_DIR:-$BUILD/kselftest-i386}"
