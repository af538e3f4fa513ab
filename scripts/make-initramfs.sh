#!/bin/sh
# make-initramfs.sh OUT.cpio.gz: the guest's root: busybox, real kmod and
# mkfs tools (with their shared libraries), the bench programs, and what
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

# The bench programs (static: the guest has no libc): the load+unload
# timer and the memory fragmenter. They do not depend on the
# kernel, so each is built once.
for prog in loadbench fragment; do
	bin=$BUILD/$prog
	if [ ! "$bin" -nt "$TOP/bench/$prog.c" ]; then
		gcc -static -O2 -Wall -o "$bin" "$TOP/bench/$prog.c" ||
			die "cannot build bench/$prog.c"
	fi
	cp "$bin" "$root/harness/$prog"
done
"$TOP/scripts/pack-initramfs.sh" "$root" "$out" "$modroot" "${KSELFTEST_DIR:-$BUILD/kselftest}"
