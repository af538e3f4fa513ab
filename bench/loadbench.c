// SPDX-License-Identifier: GPL-2.0
/*
 * loadbench MODULE.ko CYCLES [each]: load and unload a module CYCLES times
 * with finit_module(2) and delete_module(2) and print the time of each
 * load+unload cycle in nanoseconds, sorted: "min p10 median p90 max"; with
 * "each", every cycle's time on its own line instead, in order.
 * Built statically on the host; runs in the busybox guest.
 */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	char name[256], *dot;
	long long *ns;
	int cycles, i;

	if (argc < 3 || argc > 4 || (cycles = atoi(argv[2])) <= 0 ||
	    (argc == 4 && strcmp(argv[3], "each"))) {
		fprintf(stderr, "usage: loadbench MODULE.ko CYCLES [each]\n");
		return 2;
	}
	snprintf(name, sizeof(name), "%s", basename(argv[1]));
	dot = strstr(name, ".ko");
	if (dot)
		*dot = '\0';
	ns = calloc(cycles, sizeof(*ns));
	if (!ns)
		return 1;

	for (i = 0; i < cycles; i++) {
		long long t0 = now_ns();
		int fd = open(argv[1], O_RDONLY | O_CLOEXEC);

		if (fd < 0 || syscall(SYS_finit_module, fd, "", 0)) {
			perror("finit_module");
			return 1;
		}
		close(fd);
		if (syscall(SYS_delete_module, name, O_NONBLOCK)) {
			perror("delete_module");
			return 1;
		}
		ns[i] = now_ns() - t0;
	}
	if (argc == 4) {
		for (i = 0; i < cycles; i++)
			printf("%lld\n", ns[i]);
		return 0;
	}
	qsort(ns, cycles, sizeof(*ns), cmp);
	printf("%lld %lld %lld %lld %lld\n", ns[0], ns[cycles / 10],
	       ns[cycles / 2], ns[cycles * 9 / 10], ns[cycles - 1]);
	return 0;
}
