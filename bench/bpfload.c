// SPDX-License-Identifier: GPL-2.0
/*
 * bpfload N [HOLD]: load N eBPF socket filters with bpf(2) (the kernel JITs
 * them when net.core.bpf_jit_enable is 1), check that each one really runs:
 * attached to one end of an AF_UNIX datagram socket pair, a filter that
 * returns 0 drops a datagram and one that returns the length passes it,
 * and BPF_PROG_TEST_RUN returns the value the program was built with.
 * Prints "bpfload N loaded J jited R ran" and, with HOLD, keeps the
 * programs loaded until it is killed. Exits 1 on any failure. Built
 * statically on the host; runs in the busybox guest.
 */
#include <errno.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static int bpf(int cmd, union bpf_attr *attr)
{
	return syscall(SYS_bpf, cmd, attr, sizeof(*attr));
}

/* A socket filter that returns @ret: r0 = ret; exit. */
static int load_filter(unsigned int ret)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0,
		  .imm = (int)ret },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = 2;
	attr.license = (unsigned long)"GPL";
	return bpf(BPF_PROG_LOAD, &attr);
}

/* Whether the kernel JITed program @fd. */
static int jited(int fd)
{
	struct bpf_prog_info info;
	union bpf_attr attr;

	memset(&info, 0, sizeof(info));
	memset(&attr, 0, sizeof(attr));
	attr.info.bpf_fd = fd;
	attr.info.info_len = sizeof(info);
	attr.info.info = (unsigned long)&info;
	return !bpf(BPF_OBJ_GET_INFO_BY_FD, &attr) && info.jited_prog_len > 0;
}

/* BPF_PROG_TEST_RUN of program @fd on a small packet: its return value. */
static long test_run(int fd)
{
	unsigned char pkt[64] = { 0 };
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.test.prog_fd = fd;
	attr.test.data_in = (unsigned long)pkt;
	attr.test.data_size_in = sizeof(pkt);
	attr.test.repeat = 1;
	if (bpf(BPF_PROG_TEST_RUN, &attr))
		return -1;
	return attr.test.retval;
}

/* Whether a datagram sent to a socket with filter @fd attached arrives. */
static int passes(int fd)
{
	int sv[2], got;
	char buf[8];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return -1;
	if (setsockopt(sv[1], SOL_SOCKET, SO_ATTACH_BPF, &fd, sizeof(fd)) ||
	    send(sv[0], "harness", 7, 0) != 7) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	got = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	close(sv[0]);
	close(sv[1]);
	return got == 7;
}

int main(int argc, char **argv)
{
	struct rlimit rl = { 65536, 65536 };
	int n, i, fd, nj = 0, nr = 0;
	unsigned int ret;

	if (argc < 2 || argc > 3 || (n = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: bpfload N [HOLD]\n");
		return 2;
	}
	setrlimit(RLIMIT_NOFILE, &rl);
	for (i = 0; i < n; i++) {
		/* Odd programs pass datagrams, even ones drop them. */
		ret = (i & 1) ? 0xffff : 0;
		fd = load_filter(ret);
		if (fd < 0) {
			fprintf(stderr, "bpfload: program %d: %s\n", i, strerror(errno));
			return 1;
		}
		nj += jited(fd);
		if (test_run(fd) != ret || passes(fd) != (ret != 0)) {
			fprintf(stderr, "bpfload: program %d did not return %u\n", i, ret);
			return 1;
		}
		nr++;
	}
	printf("bpfload %d loaded %d jited %d ran\n", n, nj, nr);
	fflush(stdout);
	if (argc == 3)
		for (;;)
			pause();
	return 0;
}
