#!/bin/sh
# get-busybox-i386.sh: Debian's i386 busybox-static, unpacked under
# build/busybox-i386 (the binary is build/busybox-i386/bin/busybox), for the
# i386 guest. The package is downloaded, not installed: it conflicts with
# the amd64 busybox-static of the x86_64 guest. Adds the i386 architecture
# to dpkg (and updates the package lists) once, as root; as another user the
# commands are printed and the run stops.
. "$(dirname "$0")/lib.sh"

dir=$BUILD/busybox-i386
[ -x "$dir/bin/busybox" ] && exit 0

if ! dpkg --print-foreign-architectures | grep -qx i386 ||
   ! apt-cache show busybox-static:i386 >/dev/null 2>&1; then
	if [ "$(id -u)" != 0 ]; then
		say "the i386 guest needs Debian's i386 packages; add them with:"
		say "  sudo dpkg --add-architecture i386 && sudo apt-get update"
		exit 1
	fi
	step "adding Debian's i386 packages (dpkg --add-architecture i386, apt-get update)"
	dpkg --print-foreign-architectures | grep -qx i386 ||
		dpkg --add-architecture i386 || die "dpkg --add-architecture i386 failed"
	# A list that fails (a mirror in sync) need not be the one we need.
	apt-get update -q >"$BUILD/apt-update.log" 2>&1 ||
		say "    apt-get update reported errors (see $BUILD/apt-update.log)"
fi

step "downloading busybox-static:i386"
mkdir -p "$BUILD/deb-i386"
rm -f "$BUILD"/deb-i386/busybox-static_*_i386.deb
(cd "$BUILD/deb-i386" && apt-get download -q busybox-static:i386 >download.log 2>&1) ||
	{ tail -n 5 "$BUILD/deb-i386/download.log"; die "apt-get download busybox-static:i386 failed"; }
rm -rf "$dir.tmp"
dpkg-deb -x "$BUILD"/deb-i386/busybox-static_*_i386.deb "$dir.tmp" ||
	die "cannot unpack busybox-static:i386"
[ -x "$dir.tmp/bin/busybox" ] || die "busybox-static:i386 has no bin/busybox"
mv "$dir.tmp" "$dir"
say "    busybox-static:i386 $(dpkg-deb -f "$BUILD"/deb-i386/busybox-static_*_i386.deb Version)"
