// SPDX-License-Identifier: GPL-2.0
/*
 * tlb_bench: a microbenchmark for hardware runs (see bench/HARDWARE.md).
 * Its text is TLB_BENCH_FUNCS functions, each on a 4 KiB page of its own,
 * and its data TLB_BENCH_PAGES pages. At load it calls every function and
 * touches every data page, loops times, and reports the average cycles
 * (get_cycles()) per call and per page touched in the read-only parameter
 * "result". Under QEMU TCG the numbers mean nothing; on hardware, compare
 * module.large_pages=0 and =1 together with perf's iTLB and dTLB counters.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/timex.h>

#define TLB_BENCH_FUNCS 256
#define TLB_BENCH_PAGES 512

static unsigned int loops = 1000;
module_param(loops, uint, 0444);
MODULE_PARM_DESC(loops, "passes over all functions and all data pages");

static char result[96] = "not run";
module_param_string(result, result, sizeof(result), 0444);
MODULE_PARM_DESC(result, "cycles per call and per data page touched");

static unsigned char tlb_bench_data[TLB_BENCH_PAGES][PAGE_SIZE];

/* One function per 4 KiB page: each call needs its own iTLB entry. */
#define F(n) static noinline __aligned(4096) int tlb_bench_f##n(int x) \
	{ return x + (n); }
#define F4(n) F(n##0) F(n##1) F(n##2) F(n##3)
#define F16(n) F4(n##0) F4(n##1) F4(n##2) F4(n##3)
#define F64(n) F16(n##0) F16(n##1) F16(n##2) F16(n##3)
F64(1) F64(2) F64(3) F64(4)

#define C(n) (x = tlb_bench_f##n(x));
#define C4(n) C(n##0) C(n##1) C(n##2) C(n##3)
#define C16(n) C4(n##0) C4(n##1) C4(n##2) C4(n##3)
#define C64(n) C16(n##0) C16(n##1) C16(n##2) C16(n##3)

static noinline int tlb_bench_call_all(int x)
{
	C64(1) C64(2) C64(3) C64(4)
	return x;
}

static noinline unsigned int tlb_bench_touch_all(void)
{
	unsigned int i, sum = 0;

	for (i = 0; i < TLB_BENCH_PAGES; i++)
		sum += READ_ONCE(tlb_bench_data[i][(i * 64) % PAGE_SIZE]);
	return sum;
}

static int __init tlb_bench_init(void)
{
	cycles_t t0, t1, t2;
	unsigned int i, sum = 0;
	int x = 0;

	if (!loops)
		return -EINVAL;

	/* Written once, so that the array is data (MOD_DATA), not rodata. */
	for (i = 0; i < TLB_BENCH_PAGES; i++)
		WRITE_ONCE(tlb_bench_data[i][(i * 64) % PAGE_SIZE], 1);

	t0 = get_cycles();
	for (i = 0; i < loops; i++)
		x = tlb_bench_call_all(x);
	t1 = get_cycles();
	for (i = 0; i < loops; i++)
		sum += tlb_bench_touch_all();
	t2 = get_cycles();

	snprintf(result, sizeof(result), "call %llu page %llu (check %d %u)",
		 (unsigned long long)(t1 - t0) / ((u64)loops * TLB_BENCH_FUNCS),
		 (unsigned long long)(t2 - t1) / ((u64)loops * TLB_BENCH_PAGES),
		 x, sum);
	return 0;
}
module_init(tlb_bench_init);

static void __exit tlb_bench_exit(void)
{
}
module_exit(tlb_bench_exit);

MODULE_DESCRIPTION("calls spread over many text pages, loads over many data pages");
MODULE_LICENSE("GPL");
