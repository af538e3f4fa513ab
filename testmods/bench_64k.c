// SPDX-License-Identifier: GPL-2.0
/* The module make bench loads and unloads: synth_64k's sizes, its own name. */
#define SYNTH_TEXT_KB 64
#define SYNTH_RODATA_KB 16
#define SYNTH_DATA_KB 64
#include "synth.h"
