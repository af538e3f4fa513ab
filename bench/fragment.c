// SPDX-License-Identifier: GPL-2.0
/*
 * fragment KEEP_MIB STRIDE: fragment the guest's free memory. Fault in
 * anonymous memory until only KEEP_MIB MiB are free, then give back all but
 * one page of every STRIDE pages, so that free memory lies in holes of
 * STRIDE - 1 pages between pages still held: plenty of free memory, few or
 * no free 2 MiB blocks until compaction moves the held pages. Each page kept
 * is a mapping of its own (vm.max_map_count, 65530, bounds their number). Prints
 * "fragment held H free F" (kB) and waits to be killed; the held pages go
 * back when it exits. Built statically on the host; runs in the busybox
 * guest.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* meminfo_kb NAME: a /proc/meminfo field in kB, or -1. */
static long meminfo_kb(const char *name)
{
	char line[128];
	size_t n = strlen(name);
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, name, n) && line[n] == ':') {
			kb = atol(line + n + 1);
			break;
		}
	fclose(f);
	return kb;
}

/* free_2m: free blocks of order 9 or more, summed over /proc/buddyinfo. */
static long free_2m(void)
{
	long n = 0, v;
	char line[256], *p;
	FILE *f = fopen("/proc/buddyinfo", "r");
	int order;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		p = strstr(line, "zone");
		if (!p)
			continue;
		p += 4;
		while (*p == ' ')
			p++;
		while (*p && *p != ' ')
			p++;	/* the zone's name */
		for (order = 0; order <= 10; order++) {
			v = strtol(p, &p, 10);
			if (order >= 9)
				n += v;
		}
	}
	fclose(f);
	return n;
}

/* One pass: fault in all but @keep_kb of free memory, unmap the holes. */
static long fragment_pass(long keep_kb, long stride, long page)
{
	long free_kb = meminfo_kb("MemFree");
	size_t len, off;
	char *mem;

	if (free_kb <= keep_kb)
		return 0;
	len = (size_t)(free_kb - keep_kb) * 1024;
	len -= len % (page * stride);
	mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (mem == MAP_FAILED) {
		perror("fragment: mmap");
		return -1;
	}
	/* munmap(), not madvise(): tinyconfig has no ADVISE_SYSCALLS. */
	for (off = 0; off < len; off += page * stride)
		if (munmap(mem + off + page, page * (stride - 1))) {
			perror("fragment: munmap");
			return -1;
		}
	return len / stride / 1024;
}

int main(int argc, char **argv)
{
	long page = sysconf(_SC_PAGESIZE), stride, held = 0, kb;
	int passes = 0;

	if (argc != 3 || (stride = atol(argv[2])) < 2) {
		fprintf(stderr, "usage: fragment KEEP_MIB STRIDE (>= 2)\n");
		return 2;
	}
	while (passes < 4 && (!passes || free_2m() > 0)) {
		kb = fragment_pass(atol(argv[1]) * 1024, stride, page);
		if (kb < 0)
			return 1;
		held += kb;
		passes++;
	}
	printf("fragment held %ld free %ld free2m %ld passes %d\n", held,
	       meminfo_kb("MemFree"), free_2m(), passes);
	fflush(stdout);
	for (;;)
		pause();
}
