#!/bin/sh
# build-kselftests.sh OBJDIR OUTDIR: build and install the series' kselftests
# (tools/testing/selftests/module_alloc, with their test modules, statically
# linked; 32-bit ones with ARCH=i386) against OBJDIR into OUTDIR. Without
# that directory in the tree (the series does not add it yet), OUTDIR is left
# empty and this says so.
. "$(dirname "$0")/lib.sh"

obj=$(cd "${1:-$OBJ}" && pwd) || exit 1
out=${2:-$BUILD/kselftest}
rm -rf "$out"
if [ ! -d "$SRC/tools/testing/selftests/module_alloc" ]; then
	say "    no tools/testing/selftests/module_alloc in the tree: no kselftests to build"
	exit 0
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$obj/kselftest.log
# The kselftest install copies the scripts with rsync.
"$TOP/scripts/need-packages.sh" rsync || exit 1
# The guest has no C library of its own: link the test programs statically;
# for an i386 kernel (ARCH=i386) as 32-bit programs (gcc -m32: gcc-multilib).
ldflags=-static
set --
if [ "${ARCH:-}" = i386 ]; then
	"$TOP/scripts/need-packages.sh" gcc-multilib || exit 1
	ldflags="$ldflags -m32"
	set -- CFLAGS="${CFLAGS:-} -m32"
fi
build_slot

# The test modules are built in the source tree, and kbuild would take
# objects built there for another kernel (build/obj, obj-debug, ...) as up
# to date: start clean.
git -C "$SRC" clean -fdxq -- tools/testing/selftests/module_alloc

make -C "$SRC" O="$obj" headers >"$log" 2>&1 || { tail -n 20 "$log"; die "make headers failed"; }
env "$@" LDFLAGS="$ldflags" make -C "$SRC/tools/testing/selftests" TARGETS=module_alloc \
	KDIR="$obj" KHDR_INCLUDES="-isystem $obj/usr/include" \
	KSFT_INSTALL_PATH="$out" install >>"$log" 2>&1 ||
	{ tail -n 30 "$log"; die "building the module_alloc kselftests failed (see $log)"; }
say "    kselftests: $(find "$out" -type f | wc -l) files in ${out#"$TOP"/}"
