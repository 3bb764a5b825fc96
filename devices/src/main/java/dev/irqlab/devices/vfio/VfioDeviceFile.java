package dev.irqlab.devices.vfio;

import dev.irqlab.devices.user.FileOps;
import dev.irqlab.devices.user.Files;

/** An open VFIO device file: the ioctl this model has. Its last release disables the interrupts. */
public interface VfioDeviceFile extends FileOps {
  /** {@code VFIO_DEVICE_SET_IRQS}. */
  int setIrqs(Files files, VfioIrqSet set);

  /** The device the file is open on (alone in its IOMMU group, so it names the group too). */
  VfioPciDevice device();
}
