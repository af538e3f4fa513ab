// SPDX-License-Identifier: GPL-2.0
#define SYNTH_TEXT_KB 4
#define SYNTH_RODATA_KB 4
#define SYNTH_DATA_KB 4
#include "synth.h"
