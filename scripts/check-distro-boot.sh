#!/bin/sh
# check-distro-boot.sh: what a distribution builder turns on, booted. A
# kernel from Debian's amd64 config with the series' option on and the
# modules of configs/distro-modules.list, signed and xz-compressed
# (configure-distro-kernel.sh, build/obj-distro-boot), in a Debian root with
# udev and the tools that use the modules (guest/job-distro.sh), on a QEMU
# machine with the devices a small server or VM has. DISTRO_BOOTS boots (2)
# with the switch on and as many with it off, alternating; then the
# module_alloc kselftests on that kernel; then the report
# (distro-report.sh). TAP; the last line is "N passed, N failed, N skipped".
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/tap.sh"

boots=${DISTRO_BOOTS:-2}
tap_begin distro-boot
t0=$(now)
echo "TAP version 13"
"$TOP/scripts/need-packages.sh" linux-config-6.12 xz-utils || exit 1
"$TOP/scripts/apply-series.sh" || die "the series does not apply (see above)"

obj=$BUILD/obj-distro-boot
export MODROOT_DIR="$BUILD/modroot-distro" BZIMAGE="$BUILD/bzImage-distro"
export INITRAMFS="$BUILD/rootfs-distro.cpio" KSELFTEST_DIR="$BUILD/kselftest-distro"
export ROOTFS_CACHE="$BUILD/rootfs-debian-distro"
export ROOTFS_PACKAGES="bash coreutils kmod procps grep sed gawk findutils util-linux mount \
diffutils debianutils udev iproute2 nftables cryptsetup-bin mdadm btrfs-progs xfsprogs \
e2fsprogs iputils-ping"
"$TOP/scripts/configure-distro-kernel.sh" "$obj" &&
	"$TOP/scripts/build-kernel.sh" "$obj" &&
	"$TOP/scripts/build-kselftests.sh" "$obj" "$KSELFTEST_DIR" &&
	"$TOP/scripts/make-rootfs.sh" "$INITRAMFS"
st=$?
result $st distro_kernel_modules_and_root_build
[ $st = 0 ] || { echo "1..$n"; echo "$pass passed, $fail failed, $skip skipped"; exit 1; }

# The devices of a small server or VM; udev loads their drivers.
disks=$BUILD/distro-disks
mkdir -p "$disks"
for d in vda sda nvme sata; do
	[ -f "$disks/$d.img" ] || truncate -s 16M "$disks/$d.img"
done
export GUEST_MEM=4G GUEST_TIMEOUT="${GUEST_TIMEOUT:-2400}" GUEST_DEVICES="\
-netdev user,id=n0 -device virtio-net-pci,netdev=n0 \
-netdev user,id=n1 -device e1000,netdev=n1 \
-drive file=$disks/vda.img,if=none,id=d0,format=raw -device virtio-blk-pci,drive=d0 \
-device virtio-scsi-pci,id=scsi0 \
-drive file=$disks/sda.img,if=none,id=d1,format=raw -device scsi-hd,drive=d1,bus=scsi0.0 \
-device ahci,id=ahci0 \
-drive file=$disks/sata.img,if=none,id=d2,format=raw -device ide-hd,drive=d2,bus=ahci0.0 \
-drive file=$disks/nvme.img,if=none,id=d3,format=raw -device nvme,drive=d3,serial=harness \
-device virtio-rng-pci -device virtio-balloon-pci -device virtio-keyboard-pci \
-device qemu-xhci -device usb-kbd -device usb-tablet -device i6300esb"

i=1
while [ $i -le "$boots" ]; do
	for sw in 1 0; do
		LOGNAME_PREFIX=distro-$sw-$i- GUEST_APPEND="module.large_pages=$sw" \
			"$TOP/scripts/boot-guest.sh" distro
		result $? "boot_${i}_switch_${sw}_runs_the_distro_job_with_a_clean_console"
		guest_tap "$LOGS/distro-$sw-$i-distro.out" "boot_${i}_switch_${sw}_"
	done
	i=$((i + 1))
done

LOGNAME_PREFIX=distro- "$TOP/scripts/boot-guest.sh" kselftest
result $? distro_kselftest_guest_runs
guest_tap "$LOGS/distro-kselftest.out" distro_

"$TOP/scripts/distro-report.sh" "$boots"
result $? distro_report_within_its_limits

echo "1..$n"
echo "# distro boot check took $(elapsed "$t0")"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
