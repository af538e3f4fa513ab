#!/bin/sh
# make-rootfs.sh OUT.cpio: a guest root with a real Debian userland, for
# upstream's own test suites (bash scripts that need coreutils, kmod, procps,
# gawk, util-linux ...). Debian bookworm (minbase plus ROOTFS_PACKAGES) is
# debootstrapped once into ROOTFS_CACHE (build/rootfs-debian) and reused
# until the package list changes; the image adds the modules from MODROOT_DIR, the kselftests
# from KSELFTEST_DIR, the harness' guest/ files and guest/init as /init, and
# is written as an uncompressed cpio initramfs (it unpacks faster under TCG
# than a gzip'ed one, and the guest kernel has no block drivers for a disk).
. "$(dirname "$0")/lib.sh"

out=${1:-$BUILD/rootfs-upstream.cpio}
modroot=${MODROOT_DIR:-$MODROOT}
kselftest=${KSELFTEST_DIR:-}
suite=${ROOTFS_SUITE:-bookworm}
mirror=${ROOTFS_MIRROR:-http://deb.debian.org/debian}
# What the suites call beyond minbase: kmod (modprobe, kmod --version),
# procps (sysctl), gawk, util-linux (dmesg), diffutils (livepatch's diff),
# debianutils (which), libcap2-bin (capsh, kmod tests 0012 and 0013).
: "${ROOTFS_PACKAGES:=bash coreutils kmod procps grep sed gawk findutils util-linux diffutils debianutils libcap2-bin}"
debian=${ROOTFS_CACHE:-$BUILD/rootfs-debian}
[ -d "$modroot/lib/modules" ] || die "no modules in $modroot: build the kernel first"
"$TOP/scripts/need-packages.sh" debootstrap busybox-static cpio || exit 1
[ "$(id -u)" = 0 ] || die "debootstrap and the image need root (device nodes, file owners)"

# 1. The Debian userland, cached: redone only when its inputs change.
# shellcheck disable=SC2086
want="$suite $mirror minbase $(printf '%s\n' $ROOTFS_PACKAGES | LC_ALL=C sort | tr '\n' ' ')"
if [ "$(cat "$debian.stamp" 2>/dev/null)" != "$want" ]; then
	t0=$(now)
	step "debootstrap $suite (minbase + $(printf '%s' "$ROOTFS_PACKAGES" | tr ' ' ','))"
	rm -rf "$debian" "$debian.stamp"
	log=$BUILD/rootfs-debian.log
	debootstrap --variant=minbase --include="$(printf '%s' "$ROOTFS_PACKAGES" | tr ' ' ',')" \
		"$suite" "$debian" "$mirror" >"$log" 2>&1 ||
		{ tail -n 20 "$log"; die "debootstrap failed (see $log)"; }
	# Not needed in a test guest: documentation, translations, package caches.
	rm -rf "$debian"/usr/share/doc/* "$debian"/usr/share/man/* "$debian"/usr/share/info/* \
		"$debian"/usr/share/locale/* "$debian"/var/cache/apt/* "$debian"/var/lib/apt/lists/*
	printf '%s\n' "$want" >"$debian.stamp"
	say "    debootstrap done in $(elapsed "$t0"): $(du -sh "$debian" | cut -f1)"
fi

# 2. The image: that userland plus this kernel's modules and the harness.
t0=$(now)
root=${out%.cpio}.d
rm -rf "$root"
cp -a "$debian" "$root"
# Debian's /lib is a link to usr/lib: the modules land in /usr/lib/modules.
mkdir -p "$root/lib/modules" "$root/harness" "$root/sys/kernel/debug"
cp -a "$modroot/lib/modules/." "$root/lib/modules/"
# guest/init runs under busybox (it fills in what minbase lacks, e.g. reboot).
cp /bin/busybox "$root/bin/busybox"
cp "$TOP/guest/init" "$root/init"
chmod +x "$root/init"
cp "$TOP"/guest/*.sh "$TOP"/guest/*.awk "$TOP"/guest/*.nft "$TOP/guest/module-set" \
	"$TOP/configs/distro-modules.list" "$root/harness/"
if [ -n "$kselftest" ] && [ -d "$kselftest" ]; then
	rm -rf "$root/kselftest"
	cp -a "$kselftest" "$root/kselftest"
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$out.tmp" ||
	die "cannot write $out"
mv "$out.tmp" "$out"
say "    root image ${out#"$TOP"/}: $(du -h "$out" | cut -f1) in $(elapsed "$t0")"
