# Module memory in 2 MiB pages: a patch series for Linux 6.12 and its harness.
# make        build the patched kernel, boot it, report where module memory lives
# make check  all tests; ends with "N passed, N failed"
# make ARCH=i386 check  the kselftests in an i386 (x86_32 PAE) guest
# See README.md for every target.

SHELL := /bin/sh
S := scripts

# What the host needs; need-packages.sh installs what is missing (as root).
HOST_PACKAGES := build-essential flex bison bc libelf-dev libssl-dev cpio kmod \
	xz-utils ccache binutils git perl busybox-static e2fsprogs xfsprogs \
	qemu-system-x86 linux-source-6.12 rsync

# ARCH=i386 (exported to the scripts: the kernel builds take it from there)
# is for make ARCH=i386 check only: the other targets build the x86_64
# kernel in build/obj. Its 32-bit test programs need gcc -m32.
ifeq ($(ARCH),i386)
ifneq ($(filter-out check deps clean distclean,$(or $(MAKECMDGOALS),all)),)
$(error ARCH=i386 works with 'make ARCH=i386 check' only)
endif
HOST_PACKAGES += gcc-multilib
endif

.PHONY: all report bench bench-grow bench-reuse bench-exec deps source tree export config kernel initramfs shell \
	check check-long check-debug check-lockdep check-series check-distro check-distro-boot \
	check-upstream check-kaslr clean distclean

all: report

deps:
	@$(S)/need-packages.sh $(HOST_PACKAGES)

source: deps
	@$(S)/apply-series.sh

tree: deps
	@$(S)/make-tree.sh

export:
	@$(S)/export-series.sh

config: source
	@$(S)/configure-kernel.sh build/obj

kernel: config
	@$(S)/build-kernel.sh build/obj
	@$(S)/build-testmods.sh build/obj
	@$(S)/build-kselftests.sh build/obj build/kselftest

initramfs: kernel
	@$(S)/make-initramfs.sh build/initramfs.cpio.gz

report: initramfs
	@$(S)/boot-guest.sh report
	@$(S)/show-report.sh

# The same kernel booted with module.large_pages=0, then =1: table and plot
# in build/bench/. tsc=reliable keeps a nanosecond clock under TCG.
bench: initramfs
	@for p in off on; do \
		sw=0; [ $$p = on ] && sw=1; \
		LOGNAME_PREFIX=bench-$$p- GUEST_TIMEOUT=1200 \
		GUEST_APPEND="tsc=reliable module.large_pages=$$sw harness.bench_phase=$$p" \
		$(S)/boot-guest.sh bench || exit 1; \
		mv build/logs/bench-$$p-bench.out build/logs/bench-$$p.out; \
	done
	@$(S)/bench-report.sh

# Loaders beside a growing pool, with and without fragmented memory;
# BEFORE=REF boots the series as it was at commit REF too.
bench-grow: initramfs
	@$(S)/bench-grow.sh $(BEFORE)

# A delay before freed module data is reused: what it costs, on a kernel
# with the experiment bench/experiments/data-reuse-delay.patch.
bench-reuse: deps
	@$(S)/bench-reuse.sh

# Executable memory beyond modules (BPF, kprobes, ftrace) and the direct
# map, switch off against on.
bench-exec: initramfs
	@$(S)/bench-exec.sh

shell: initramfs
	@$(S)/boot-guest.sh shell

check: deps
	@$(S)/run-check.sh $(if $(filter i386,$(ARCH)),i386,normal)

# make check with the issue-sized churn: 3400 cycles of 3 modules (10200
# load/unload cycles) and 8 parallel loaders of 500 loads each.
check-long: deps
	@CHECK_DISTRO=0 GUEST_TIMEOUT=5400 \
	GUEST_APPEND="harness.churn_cycles=3400 harness.churn_loads=500 harness.spaced_cycles=50" \
	$(S)/run-check.sh normal

check-debug: deps
	@$(S)/run-check.sh debug

# configs/lockdep.config (lockdep, kmemleak, no KASAN: the blocks are in
# use) with the full-size churn and parallel loaders of check-long.
check-lockdep: deps
	@GUEST_TIMEOUT=5400 \
	GUEST_APPEND="harness.churn_cycles=3400 harness.churn_loads=500 harness.spaced_cycles=50" \
	$(S)/run-check.sh lockdep

# Module KASLR, switch off against on: KASLR_BOOTS boots each way (16).
check-kaslr: initramfs
	@$(S)/check-kaslr.sh $(or $(KASLR_BOOTS),16); st=$$?; \
	awk '/^ok/ { p++ } /^not ok/ { f++ } END { printf "%d passed, %d failed\n", p, f }' \
		build/results/kaslr.tap; exit $$st

check-series: deps
	@$(S)/check-series.sh

check-distro: deps
	@$(S)/check-distro.sh

# Debian's amd64 config with the option on, booted: udev and modprobe load
# configs/distro-modules.list, the guest uses it; report and kselftests.
check-distro-boot: deps
	@$(S)/check-distro-boot.sh

clean:
	rm -rf build/obj build/obj-* build/testmods-* build/modroot* build/kselftest* \
		build/*.cpio.gz build/*.cpio build/rootfs-upstream.d build/rootfs-distro.d \
		build/at-* build/distro-disks \
		build/bzImage* build/logs build/results build/report.txt

distclean:
	rm -rf build

# Upstream's own suites (selftests kmod, livepatch, ftrace module testcases,
# mm/test_vmalloc.sh) on a debootstrapped Debian root; see README.md.
check-upstream: deps
	@$(S)/check-upstream.sh
