# Distro job (make check-distro-boot): a kernel from Debian's config in a
# Debian root. udev loads the drivers of the guest's devices in parallel, then
# modprobe loads the rest of configs/distro-modules.list; then the modules
# are used (nftables with conntrack, a bridge of veth ports, dm-crypt, md
# raid1, btrfs, xfs, overlayfs, tunnels and virtual links), the host gets the
# module layout, and everything that can be unloaded is unloaded.
# Lines start with @ for the host (scripts/distro-report.sh); TAP lines for
# what must hold.
# guest/init runs jobs with busybox's shell, which runs its own applets
# (ip, mount, losetup, sysctl ...) before the Debian tools in PATH: run
# this job with bash instead.
[ -n "${BASH_VERSION:-}" ] || exec /bin/bash "$0" "$@"
. ./lib.sh

sw=$(cat /sys/module/module/parameters/large_pages 2>/dev/null || echo none)
echo "@kernel $(uname -r) switch $sw"
counters before

# listed: the module names of the list.
listed() {
	sed -e 's/#.*//' /harness/distro-modules.list | tr ' ' '\n' | sed '/^$/d'
}

# nr_loaded: modules loaded now.
nr_loaded() {
	wc -l </proc/modules
}

# 1. udev: the drivers of the devices, loaded in parallel.
mkdir -p /run/udev
t0=$(ms_now)
/lib/systemd/systemd-udevd --daemon >/tmp/udevd.log 2>&1
udevadm trigger --type=subsystems --action=add
udevadm trigger --type=devices --action=add
udevadm settle --timeout=900
st=$?
t1=$(ms_now)
echo "@udev $sw $((t1 - t0)) $(nr_loaded)"
tap $st udev_settles_after_loading_the_device_drivers

# 2. The rest of the list, as services would ask for it. A name the config
# does not build (modprobe -n fails) is listed, not loaded.
t0=$(ms_now)
failed=
absent=
for m in $(listed); do
	grep -q "^$m " /proc/modules && continue
	if ! modprobe -n -q "$m" 2>/dev/null; then
		absent="$absent $m"
		continue
	fi
	modprobe "$m" 2>>/tmp/modprobe.log || failed="$failed $m"
done
t1=$(ms_now)
echo "@modprobe $sw $((t1 - t0)) $(nr_loaded)"
echo "@absent$absent"
[ -z "$failed" ]
tap $? "every_listed_module_the_config_builds_loads${failed:+ # not loaded:$failed}"
[ "$(nr_loaded)" -ge 100 ]
tap $? "at_least_100_modules_loaded # $(nr_loaded)"

# 3. Use them.
# A bridge with two veth ports, one in each of two network namespaces,
# passing traffic through nftables (br_netfilter) with conntrack.
net_use() {
	ip link add br0 type bridge && ip link set br0 up || return 1
	for n in a b; do
		ip netns add "ns$n" &&
			ip link add "v$n" type veth peer name "v$n-br" &&
			ip link set "v$n" netns "ns$n" &&
			ip link set "v$n-br" master br0 up || return 1
	done
	ip -n nsa addr add 10.9.0.1/24 dev va && ip -n nsa link set va up &&
		ip -n nsb addr add 10.9.0.2/24 dev vb && ip -n nsb link set vb up || return 1
	sysctl -qw net.bridge.bridge-nf-call-iptables=1 || return 1
	nft -f /harness/distro.nft || return 1
	ip netns exec nsa ping -c 3 -W 5 10.9.0.2 >/tmp/ping.log || return 1
	# The forward chain counted the bridged packets as tracked ones.
	nft list chain inet harness forward | grep -q 'ct state established,related counter packets [1-9]'
}

# Virtual links of each kind the list has a driver for; macvlan and ipvlan
# cannot share a lower device.
links_use() {
	ip link add dm0 type dummy &&
		ip link add vx0 type vxlan id 42 dstport 4789 local 10.9.0.3 &&
		ip link add hbond0 type bond &&
		ip link add link dm0 name dm0.10 type vlan id 10 &&
		ip link add mv0 link dm0 type macvlan &&
		ip link add dm1 type dummy &&
		ip link add iv0 link dm1 type ipvlan &&
		ip link add wg0 type wireguard &&
		ip tuntap add tap0 mode tap &&
		ip tuntap add tun0 mode tun
}

# loopdev FILE MIB: a loop device over a new sparse file.
loopdev() {
	truncate -s "${2}M" "$1" && losetup -f --show "$1"
}

# roundtrip MOUNTPOINT: write a file, remount, read it back.
roundtrip() {
	dd if=/dev/urandom of=/tmp/payload bs=64k count=16 2>/dev/null
	cp /tmp/payload "$1/payload" && sync && cmp -s /tmp/payload "$1/payload"
}

# mkfs_mount FSTYPE DEV DIR: a new file system on DEV, mounted on DIR, with
# a file round trip.
mkfs_mount() {
	mkdir -p "$3"
	case $1 in
	ext4) mkfs.ext4 -q -F "$2" ;;
	xfs) mkfs.xfs -q -f "$2" ;;
	btrfs) mkfs.btrfs -q -f "$2" ;;
	esac >>/tmp/mkfs.log 2>&1 && mount -t "$1" "$2" "$3" && roundtrip "$3"
}

storage_use() {
	mkdir -p /tmp/disk
	# dm-crypt (plain mode, a random key) on a loop file, ext4 on top.
	dd if=/dev/urandom of=/tmp/disk/key bs=64 count=1 2>/dev/null
	l=$(loopdev /tmp/disk/crypt 64) &&
		cryptsetup open --type plain --cipher aes-xts-plain64 --key-size 512 \
			--key-file /tmp/disk/key "$l" harness-crypt &&
		mkfs_mount ext4 /dev/mapper/harness-crypt /mnt/crypt || return 1
	# md raid1 over two loop files, xfs on top (300 MiB: xfs's minimum).
	a=$(loopdev /tmp/disk/md-a 320) && b=$(loopdev /tmp/disk/md-b 320) &&
		mdadm --create /dev/md0 --run --quiet --level=1 --raid-devices=2 \
			--assume-clean --metadata=1.2 "$a" "$b" &&
		mkfs_mount xfs /dev/md0 /mnt/md || return 1
	# btrfs on a loop file, and an overlay with its upper layer on btrfs.
	l=$(loopdev /tmp/disk/btrfs 160) && mkfs_mount btrfs "$l" /mnt/btrfs || return 1
	mkdir -p /mnt/btrfs/upper /mnt/btrfs/work /tmp/lower /mnt/ovl &&
		mount -t overlay overlay -o lowerdir=/tmp/lower,upperdir=/mnt/btrfs/upper,workdir=/mnt/btrfs/work /mnt/ovl &&
		roundtrip /mnt/ovl
}

net_use
tap $? bridge_veth_traffic_through_nftables_conntrack
links_use
tap $? vxlan_bond_vlan_macvlan_ipvlan_dummy_wireguard_tun_links
storage_use
tap $? dmcrypt_raid1_btrfs_xfs_ext4_overlayfs_round_trips
echo "@used $(nr_loaded)"

# 4. What the host reports on, with everything loaded and in use.
counters loaded
module_layout
[ -r /sys/kernel/debug/execmem_blocks ] && sed 's/^/@blocks /' /sys/kernel/debug/execmem_blocks
check_wx
st=$?
[ $st = 0 ] && echo "@wx passed" || echo "@wx FAILED"
tap $st wx_check_passes
# Bit 13 of the taint mask: an unsigned module was loaded (or its signature
# did not verify).
[ $(( $(cat /proc/sys/kernel/tainted) >> 13 & 1 )) = 0 ] && ! dmesg | grep -q 'verification failed'
tap $? modules_signed_and_verified
echo "@meminfo $(meminfo_kb ExecmemBlocks)"

# 5. Tear down, then unload all that can be unloaded.
umount /mnt/ovl /mnt/btrfs /mnt/md /mnt/crypt
mdadm --stop /dev/md0 >/dev/null 2>&1
cryptsetup close harness-crypt
losetup -D
for l in vx0 hbond0 dm0.10 mv0 iv0 wg0 tap0 tun0 dm0 dm1 br0; do ip link del "$l"; done 2>/dev/null
ip netns del nsa
ip netns del nsb
nft flush ruleset
udevadm control --exit
i=0
while [ $i -lt 20 ]; do
	before=$(nr_loaded)
	for m in $(awk '$3 == 0 { print $1 }' /proc/modules); do
		rmmod "$m" 2>/dev/null
	done
	[ "$(nr_loaded)" = "$before" ] && break
	i=$((i + 1))
done
echo "@left $(nr_loaded) $(awk '{ printf "%s ", $1 }' /proc/modules)"
counters unloaded
[ -r /sys/kernel/debug/execmem_blocks ] && sed 's/^/@blocks-unloaded /' /sys/kernel/debug/execmem_blocks
echo "@meminfo-unloaded $(meminfo_kb ExecmemBlocks)"
