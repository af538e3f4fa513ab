#!/bin/sh
# make-initramfs.sh OUT.cpio.gz: the guest's root: busybox, real kmod and
# mkfs tools (with their shared libraries), the load+unload timer, and what
# pack-initramfs.sh adds to every guest root (the modules from MODROOT_DIR,
# the guest jobs, the kselftests).
. "$(dirname "$0")/lib.sh"

out=${1:-$BUILD/initramfs.cpio.gz}
modroot=${MODROOT_DIR:-$MODROOT}
"$TOP/scripts/need-packages.sh" busybox-static kmod e2fsprogs xfsprogs cpio || exit 1

root=${out%.cpio.gz}.d
rm -rf "$root"
mkdir -p "$root"/bin "$root"/sbin "$root"/harness

# copy_bin PATH: a binary and the shared libraries it needs, at the same paths.
copy_bin() {
	cp -L "$1" "$root/sbin/${1##*/}"
	for lib in $(ldd "$1" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
		mkdir -p "$root${lib%/*}"
		cp -L "$lib" "$root$lib"
	done
}

cp /bin/busybox "$root/bin/busybox"
copy_bin /bin/kmod
for t in modprobe insmod rmmod lsmod modinfo depmod; do
	ln -s kmod "$root/sbin/$t"
done
copy_bin /sbin/mke2fs
ln -s mke2fs "$root/sbin/mkfs.ext4"
copy_bin /sbin/mkfs.xfs

# The load+unload timer for make bench (static: the guest has no libc); it
# does not depend on the kernel, so it is built once.
loadbench=$BUILD/loadbench
if [ ! "$loadbench" -nt "$TOP/bench/loadbench.c" ]; then
	gcc -static -O2 -Wall -o "$loadbench" "$TOP/bench/loadbench.c" ||
		die "cannot build bench/loadbench.c"
fi
cp "$loadbench" "$root/harness/loadbench"
"$TOP/scripts/pack-initramfs.sh" "$root" "$out" "$modroot" "${KSELFTEST_DIR:-$BUILD/kselftest}"
