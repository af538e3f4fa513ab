// SPDX-License-Identifier: GPL-2.0
#define SYNTH_TEXT_KB 1024
#define SYNTH_RODATA_KB 256
#define SYNTH_DATA_KB 512
#include "synth.h"
