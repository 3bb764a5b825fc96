/* SPDX-License-Identifier: GPL-2.0-only */
/* irqlab kernel shim: everything is in irqlab_kernel.h. */
#include <irqlab_kernel.h>
