package dev.irqlab.devices.vdpa;

import dev.irqlab.devices.user.FileOps;
import dev.irqlab.devices.user.Files;

/** An open {@code /dev/vhost-vdpa-N}: the ioctls this model has. */
public interface VhostVdpaFile extends FileOps {
  /** {@code VHOST_SET_VRING_CALL}: {@code fd} -1 ({@code VHOST_FILE_UNBIND}) unbinds. */
  int setVringCall(Files files, int index, int fd);

  /** {@code VHOST_VDPA_SET_STATUS}. */
  int setStatus(int status);
}
