/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Synthetic test module body: SYNTH_TEXT_KB of text, SYNTH_RODATA_KB of
 * read-only data and SYNTH_DATA_KB of writable data. The text padding is
 * int3, which objtool accepts as unreachable. Init runs a function from the
 * module's text that reads both data arrays, so a module that loads has also
 * executed its own code and read its own data.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/stringify.h>

asm(".pushsection .text.synth_pad, \"ax\"\n"
    ".fill " __stringify(SYNTH_TEXT_KB) " * 1024, 1, 0xcc\n"
    ".popsection\n");

#define SYNTH_MAGIC 0x5a

static const unsigned char synth_rodata[SYNTH_RODATA_KB * 1024] __used = {
	[0] = SYNTH_MAGIC, [SYNTH_RODATA_KB * 1024 - 1] = SYNTH_MAGIC,
};

static unsigned char synth_data[SYNTH_DATA_KB * 1024] __used = {
	[0] = SYNTH_MAGIC, [SYNTH_DATA_KB * 1024 - 1] = SYNTH_MAGIC,
};

static noinline int synth_check(void)
{
	size_t last_ro = sizeof(synth_rodata) - 1, last = sizeof(synth_data) - 1;

	synth_data[last / 2] = READ_ONCE(synth_rodata[last_ro]);
	return synth_rodata[0] + READ_ONCE(synth_data[last]) + synth_data[last / 2];
}

static int __init synth_init(void)
{
	return synth_check() == 3 * SYNTH_MAGIC ? 0 : -EINVAL;
}
module_init(synth_init);

static void __exit synth_exit(void)
{
}
module_exit(synth_exit);

MODULE_DESCRIPTION("synthetic module of a given text and data size");
MODULE_LICENSE("GPL");
