#!/bin/sh
# build-testmods.sh: build the synthetic modules in testmods/ against build/obj
# as external modules (in a copy under build/, so the source stays clean) and
# install them into build/modroot next to the in-tree ones.
. "$(dirname "$0")/lib.sh"

obj=${1:-$OBJ}
modroot=${MODROOT_DIR:-$MODROOT}
out=$obj/../testmods-$(basename "$obj")

build_slot
mkdir -p "$out"
cp "$TOP"/testmods/* "$out"/
log=$out/build.log
make -C "$obj" M="$(cd "$out" && pwd)" -j"$JOBS" CC="ccache gcc" modules >"$log" 2>&1 ||
	{ tail -n 20 "$log"; die "building testmods failed (see $log)"; }
make -C "$obj" M="$(cd "$out" && pwd)" INSTALL_MOD_PATH="$modroot" INSTALL_MOD_STRIP=1 \
	modules_install >>"$log" 2>&1 || { tail -n 20 "$log"; die "installing testmods failed"; }
say "    built $(ls "$out"/*.ko | wc -l) synthetic modules"
