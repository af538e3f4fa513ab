#!/bin/sh
# make-initramfs.sh OUT.cpio.gz: the guest's root: busybox, real kmod and
# mkfs tools (with their shared libraries), the modules from MODROOT_DIR, and
# the guest jobs from guest/.
. "$(dirname "$0")/lib.sh"

out=${1:-$BUILD/initramfs.cpio.gz}
modroot=${MODROOT_DIR:-$MODROOT}
[ -d "$modroot/lib/modules" ] || die "no modules in $modroot: build the kernel first"
"$TOP/scripts/need-packages.sh" busybox-static kmod e2fsprogs xfsprogs cpio || exit 1

root=${out%.cpio.gz}.d
rm -rf "$root"
mkdir -p "$root"/bin "$root"/sbin "$root"/proc "$root"/sys "$root"/dev "$root"/harness

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

mkdir -p "$root/lib"
cp -a "$modroot/lib/modules" "$root/lib/"
cp "$TOP/guest/init" "$root/init"
chmod +x "$root/init"
cp "$TOP"/guest/*.sh "$TOP/guest/module-set" "$root/harness/"
# The load+unload timer for make bench (static: the guest has no libc); it
# does not depend on the kernel, so it is built once.
loadbench=$BUILD/loadbench
if [ ! "$loadbench" -nt "$TOP/bench/loadbench.c" ]; then
	gcc -static -O2 -Wall -o "$loadbench" "$TOP/bench/loadbench.c" ||
		die "cannot build bench/loadbench.c"
fi
cp "$loadbench" "$root/harness/loadbench"
"$TOP/scripts/pack-initramfs.sh" "$root" "$out" "${KSELFTEST_DIR:-$BUILD/kselftest}"
