#!/bin/sh
# build-kernel.sh OBJDIR: build bzImage and modules from build/src out of tree
# with ccache; install the modules under MODROOT_DIR (default build/modroot)
# and copy the image to BZIMAGE (default build/bzImage).
. "$(dirname "$0")/lib.sh"

obj=${1:-$OBJ}
[ -f "$obj/.config" ] || die "no $obj/.config: configure first"
obj=$(cd "$obj" && pwd)
modroot=${MODROOT_DIR:-$MODROOT}
bzimage=${BZIMAGE:-$BUILD/bzImage}
log=$obj/build.log

"$TOP/scripts/need-packages.sh" ccache || exit 1
export KBUILD_BUILD_TIMESTAMP='Sat Jan  1 00:00:00 UTC 2000'
export KBUILD_BUILD_USER=harness KBUILD_BUILD_HOST=qemu

build_slot

t0=$(now)
step "building the kernel in ${obj#"$TOP"/} (about 10 minutes on 2 cores with an empty ccache)"
if ! make -C "$SRC" O="$obj" -j"$JOBS" CC="ccache gcc" bzImage modules >"$log" 2>&1; then
	grep -E 'error|Error' "$log" | head -n 20
	die "kernel build failed (full log: $log)"
fi
grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:' "$log" | head -n 10
rm -rf "$modroot"
make -C "$SRC" O="$obj" INSTALL_MOD_PATH="$modroot" INSTALL_MOD_STRIP=1 \
	modules_install >>"$log" 2>&1 || die "modules_install failed (see $log)"
cp "$obj/arch/x86/boot/bzImage" "$bzimage"
say "    built $(make -s -C "$SRC" O="$obj" kernelrelease) in $(elapsed "$t0")"
