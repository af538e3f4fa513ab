#!/bin/sh
# build-upstream-selftests.sh OBJDIR OUTDIR: install upstream's kmod,
# livepatch (with its test modules, built against OBJDIR) and ftrace
# kselftests into OUTDIR with the standard kselftest install, plus
# mm/test_vmalloc.sh (copied alone: the rest of selftests/mm is not needed).
# The guest runs them on a Debian userland, so programs link dynamically.
. "$(dirname "$0")/lib.sh"

obj=$(cd "${1:-$BUILD/obj-upstream}" && pwd) || exit 1
out=${2:-$BUILD/kselftest-upstream}
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$obj/kselftest-upstream.log
# The kselftest install copies the scripts with rsync.
"$TOP/scripts/need-packages.sh" rsync || exit 1
build_slot

step "building upstream's kmod, livepatch, ftrace and test_vmalloc selftests"
make -C "$SRC" O="$obj" headers >"$log" 2>&1 || { tail -n 20 "$log"; die "make headers failed"; }
make -C "$SRC/tools/testing/selftests" TARGETS="kmod livepatch ftrace" \
	KDIR="$obj" KHDR_INCLUDES="-isystem $obj/usr/include" \
	KSFT_INSTALL_PATH="$out" install >>"$log" 2>&1 ||
	{ tail -n 30 "$log"; die "building the upstream kselftests failed (see $log)"; }
ls "$out"/livepatch/test_modules/*.ko >/dev/null 2>&1 ||
	die "no livepatch test modules were built (see $log)"
mkdir -p "$out/mm"
cp "$SRC/tools/testing/selftests/mm/test_vmalloc.sh" "$out/mm/"
say "    upstream kselftests: $(find "$out" -type f | wc -l) files in ${out#"$TOP"/}"
