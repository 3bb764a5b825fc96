package dev.irqlab.devices.vdpa;

import static dev.irqlab.devices.DriverChange.VDPA_IRQ_OFFLOAD;
import static dev.irqlab.devices.DriverChange.VDPA_LOGS_BYPASS_FAILURE;
import static dev.irqlab.devices.DriverChange.VDPA_REGISTER_AT_DRIVER_OK;

import dev.irqlab.devices.Driver;
import dev.irqlab.devices.DriverEra;
import dev.irqlab.devices.FaultPoints;
import dev.irqlab.devices.Host;
import dev.irqlab.devices.mem.KArray;
import dev.irqlab.devices.user.ErrOr;
import dev.irqlab.devices.user.Files;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Mutex;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * {@code drivers/vhost/vdpa.c} for one device, as each {@link DriverEra} had it (drivers.md §3):
 * open and release, {@code VHOST_SET_VRING_CALL}, {@code VHOST_VDPA_SET_STATUS}, and the
 * producer in each vq's call context, registered with the call eventfd and {@code get_vq_irq}.
 * Up to v6.11 every SET_VRING_CALL unregisters and registers again whatever the status; from
 * v6.12 the producer is registered only while DRIVER_OK is set. A failed registration is logged,
 * never returned, even by drivers that carry the proposed {@link
 * dev.irqlab.devices.DriverChange#VFIO_REPORTS_BYPASS_FAILURE}: it happens after the device was
 * told DRIVER_OK, or after the call eventfd was swapped and the old one put, so there is nothing
 * an ioctl could fail back to, and the virtqueue works without bypass.
 */
final class VhostVdpa extends Driver {
  /** {@code VHOST_FILE_UNBIND}. */
  static final int FILE_UNBIND = -1;

  private final VdpaDevice vdpa;
  private final String devName;
  /** {@code v->vdev.mutex}: held by every ioctl and by release. */
  private final Mutex devMutex;
  private KArray<VhostVirtqueue> vqs;
  private boolean opened;

  VhostVdpa(Host host, VdpaDevice vdpa, String devName) {
    super(host);
    this.vdpa = vdpa;
    this.devName = devName;
    this.devMutex = new Mutex(host.kernel(), devName + ".vdev.mutex");
  }

  /** {@code vhost_vdpa_open}: exclusive; resets the device and allocates the vqs. */
  ErrOr<VhostVdpaFile> open() {
    if (opened) {
      return ErrOr.error(-Errno.EBUSY);
    }
    vdpa.reset();
    vqs = KArray.alloc(kernel, VhostVirtqueue.TYPE, vdpa.nvqs(), VhostVirtqueue.SIZE, VhostVirtqueue::new);
    if (vqs == null) {
      return ErrOr.error(-Errno.ENOMEM);
    }
    for (int i = 0; i < vdpa.nvqs(); i++) {
      vqs.get(i).label(devName + ".vq" + i);
    }
    opened = true;
    return ErrOr.ok(new File());
  }

  /** The open file: its ioctls and its release. */
  private final class File implements VhostVdpaFile {
    @Override
    public int setVringCall(Files files, int index, int fd) {
      try (Mutex.Guard g = devMutex.guard()) {
        return VhostVdpa.this.setVringCall(files, index, fd);
      }
    }

    @Override
    public int setStatus(int status) {
      try (Mutex.Guard g = devMutex.guard()) {
        return VhostVdpa.this.setStatus(status);
      }
    }

    @Override
    public void release() {
      try (Mutex.Guard g = devMutex.guard()) {
        VhostVdpa.this.release();
      }
    }

    @Override
    public String kind() {
      return "/dev/" + devName;
    }
  }

  /** {@code vhost_vdpa_vring_ioctl(VHOST_SET_VRING_CALL)}. */
  private int setVringCall(Files files, int index, int fd) {
    if (index < 0 || index >= vdpa.nvqs()) {
      return -Errno.ENOBUFS;
    }
    VhostVirtqueue vq = vqs.get(index);
    boolean atDriverOk = era.has(VDPA_REGISTER_AT_DRIVER_OK);
    if (atDriverOk && vq.callCtx() != null && driverOk()) {
      unsetupVqIrq(index);
    }
    int r = vhostVringSetCall(files, vq, fd);
    if (r != 0) {
      return r;
    }
    EventfdCtx call = vq.callCtx();
    if (call != null && atDriverOk && driverOk()) {
      setupVqIrq(index);
    }
    vdpa.setVqCb(index, call == null ? null : new VdpaDevice.Callback(vq, call));
    if (!atDriverOk) {
      setupVqIrq(index);
    }
    return 0;
  }

  /** {@code vhost_vring_ioctl(VHOST_SET_VRING_CALL)}: swaps the call eventfd, putting the old one. */
  private int vhostVringSetCall(Files files, VhostVirtqueue vq, int fd) {
    EventfdCtx ctx = null;
    if (fd != FILE_UNBIND) {
      ErrOr<EventfdCtx> got = files.eventfdCtxFdget(fd);
      if (got.isErr()) {
        return got.err();
      }
      ctx = got.value();
    }
    EventfdCtx old = vq.callCtx();
    vq.setCallCtx(ctx);
    if (old != null) {
      host.trace().call("eventfd_ctx_put", old);
      old.put();
    }
    return 0;
  }

  /** The call eventfd vhost holds for vq {@code q} ({@code vq->call_ctx.ctx}), or null. */
  EventfdCtx callCtx(int q) {
    return vqs == null ? null : vqs.get(q).callCtx();
  }

  private boolean driverOk() {
    return (vdpa.getStatus() & VdpaDevice.DRIVER_OK) != 0;
  }

  /** {@code vhost_vdpa_set_status}. */
  private int setStatus(int status) {
    int old = vdpa.getStatus();
    if (status != 0 && (old & ~status) != 0) {
      return -Errno.EINVAL;
    }
    if ((old & VdpaDevice.DRIVER_OK) != 0 && (status & VdpaDevice.DRIVER_OK) == 0) {
      for (int i = 0; i < vdpa.nvqs(); i++) {
        unsetupVqIrq(i);
      }
    }
    if (status == 0) {
      int ret = vdpa.reset();
      if (ret != 0) {
        return ret;
      }
    } else {
      vdpa.setStatus(status);
    }
    if ((status & VdpaDevice.DRIVER_OK) != 0 && (old & VdpaDevice.DRIVER_OK) == 0) {
      for (int i = 0; i < vdpa.nvqs(); i++) {
        setupVqIrq(i);
      }
    }
    return 0;
  }

  /**
   * {@code vhost_vdpa_setup_vq_irq}: nothing without {@code get_vq_irq} or with a negative IRQ;
   * before v6.12 an unconditional unregister first; then, with a call eventfd, the registration.
   */
  private void setupVqIrq(int qid) {
    try (Kernel.Scope in = kernel.faults().within(FaultPoints.VHOST_VDPA_SETUP_VQ_IRQ)) {
      setupVqIrqIn(qid);
    }
  }

  private void setupVqIrqIn(int qid) {
    if (!era.has(VDPA_IRQ_OFFLOAD)) {
      return;
    }
    Integer irq = vdpa.getVqIrq(qid);
    if (irq == null || irq < 0) {
      return;
    }
    VhostVirtqueue vq = vqs.get(qid);
    if (!era.has(VDPA_REGISTER_AT_DRIVER_OK)) {
      host.bypass().unregisterProducer(vq.producer());
    }
    EventfdCtx call = vq.callCtx();
    if (call == null) {
      return;
    }
    IrqBypassProducer producer = vq.producer();
    int ret = host.bypass().registerProducer(producer, call, irq);
    if (ret != 0 && era.has(VDPA_LOGS_BYPASS_FAILURE)) {
      kernel.prInfo(
          "vhost-vdpa %s: vq %u, irq bypass producer (" + era.bypassKeyName() + " %p) registration fails, ret =  %d",
          devName, qid, era.bypassKey(producer.token(), call), ret);
    }
  }

  /** {@code vhost_vdpa_unsetup_vq_irq}: unregisters. */
  private void unsetupVqIrq(int qid) {
    if (era.has(VDPA_IRQ_OFFLOAD)) {
      host.bypass().unregisterProducer(vqs.get(qid).producer());
    }
  }

  /** {@code vhost_vdpa_release}: clean_irq, reset, the call eventfds put, the vqs freed. */
  private void release() {
    for (int i = 0; i < vdpa.nvqs(); i++) {
      unsetupVqIrq(i);
    }
    vdpa.reset();
    for (int i = 0; i < vdpa.nvqs(); i++) {
      VhostVirtqueue vq = vqs.get(i);
      if (vq.callCtx() != null) {
        host.trace().call("eventfd_ctx_put", vq.callCtx());
        vq.callCtx().put();
        vq.setCallCtx(null);
      }
    }
    kernel.memory().kfree(vqs);
    vqs = null;
    opened = false;
  }
}
