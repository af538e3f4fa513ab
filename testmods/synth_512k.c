// SPDX-License-Identifier: GPL-2.0
#define SYNTH_TEXT_KB 512
#define SYNTH_RODATA_KB 128
#define SYNTH_DATA_KB 256
#include "synth.h"
