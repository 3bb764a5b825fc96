package dev.irqlab.devices.user;

import dev.irqlab.devices.Host;
import dev.irqlab.devices.kvm.Kvm;
import dev.irqlab.devices.kvm.KvmIrqRoutingEntry;
import dev.irqlab.devices.kvm.KvmIrqfdArgs;
import dev.irqlab.devices.kvm.KvmModule;
import dev.irqlab.devices.kvm.KvmVfio;
import dev.irqlab.devices.kvm.KvmVmFile;
import dev.irqlab.devices.vdpa.VdpaDevice;
import dev.irqlab.devices.vdpa.VhostVdpaFile;
import dev.irqlab.devices.vfio.VfioDeviceFile;
import dev.irqlab.devices.vfio.VfioIrqSet;
import dev.irqlab.devices.vfio.VfioPciDevice;
import dev.irqlab.kernel.Errno;
import dev.irqlab.kernel.EventfdCtx;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A user-space process (a VMM): a file table and the system calls this model has, each
 * returning what the kernel returns (a descriptor or 0, or a negative errno), never throwing for
 * a bad argument.
 *
 * <p>Every call returns through {@link Host#syscall}, where deferred work runs.
 */
public final class Process implements Files {
  private static final int FIRST_FD = 3;

  private final Host host;
  private final String comm;
  private final TreeMap<Integer, File> fds = new TreeMap<>();
  /** Every descriptor below this one is open, as the kernel's {@code next_fd} hint says. */
  private int nextFd = FIRST_FD;

  private Process(Host host, String comm) {
    this.host = host;
    this.comm = comm;
  }

  /** A new user-space process on {@code host}, in its process table: it exits when the host shuts down. */
  public static Process spawn(Host host, String comm) {
    Process p = new Process(host, comm);
    Processes.on(host).add(p);
    return p;
  }

  public String comm() {
    return comm;
  }

  @Override
  public File fdget(int fd) {
    return fds.get(fd);
  }

  /** The open descriptors, ascending. */
  public List<Integer> openFds() {
    return List.copyOf(fds.keySet());
  }

  /** Puts {@code ops} in a new file at the lowest free descriptor. */
  private int install(FileOps ops) {
    return install(new File(ops));
  }

  private int install(File file) {
    int fd = nextFd;
    while (fds.containsKey(fd)) {
      fd++;
    }
    fds.put(fd, file);
    nextFd = fd + 1;
    return fd;
  }

  private int call(String name, IntSupplier body) {
    return host.syscall(name, body);
  }

  /** {@code eventfd(0, 0)}: a descriptor, or {@code -ENOMEM}. */
  public int eventfd() {
    return call("eventfd", () -> {
      EventfdCtx ctx = EventfdCtx.create(host.kernel());
      if (ctx == null) {
        return -Errno.ENOMEM;
      }
      int fd = install(new EventfdFile(ctx));
      ctx.setName(comm + ":fd" + fd);
      return fd;
    });
  }

  /** {@code close(fd)}: 0 or {@code -EBADF}; the file's last reference runs its release. */
  public int close(int fd) {
    return call("close", () -> {
      File f = fds.remove(fd);
      if (f == null) {
        return -Errno.EBADF;
      }
      nextFd = Math.min(nextFd, fd);
      f.put();
      return 0;
    });
  }

  /** {@code dup(fd)}: a new descriptor for the same file, or {@code -EBADF}. */
  public int dup(int fd) {
    return call("dup", () -> {
      File f = fds.get(fd);
      if (f == null) {
        return -Errno.EBADF;
      }
      return install(f.get());
    });
  }

  /**
   * {@code write(fd, 1)} on an eventfd: signals it (an interrupt of its own in the guest's
   * ledger); {@code -EBADF}, or {@code -EINVAL} for a file that is not an eventfd.
   */
  public int write(int fd) {
    return call("write", () -> {
      ErrOr<EventfdCtx> ctx = eventfdCtxFdget(fd);
      if (ctx.isErr()) {
        return ctx.err();
      }
      host.interrupts().signal(ctx.value(), "write(" + ctx.value() + ")");
      ctx.value().put();
      return 0;
    });
  }

  /** A non-blocking {@code read(fd)} of an eventfd: the counter (reset to 0), or {@code -EAGAIN} at 0. */
  public long read(int fd) {
    long[] value = new long[1];
    int ret = call("read", () -> {
      ErrOr<EventfdCtx> ctx = eventfdCtxFdget(fd);
      if (ctx.isErr()) {
        return ctx.err();
      }
      value[0] = ctx.value().read();
      ctx.value().put();
      return value[0] == 0 ? -Errno.EAGAIN : 0;
    });
    return ret < 0 ? ret : value[0];
  }

  /** Opens a VFIO device ({@code VFIO_GROUP_GET_DEVICE_FD}). */
  public int openVfio(VfioPciDevice device) {
    return call("vfio_group_get_device_fd", () -> install(device.open()));
  }

  /** Opens {@code /dev/vhost-vdpa-N}: a descriptor, or {@code -EBUSY} while open elsewhere. */
  public int openVhostVdpa(VdpaDevice device) {
    return call("open", () -> {
      ErrOr<VhostVdpaFile> file = device.open();
      return file.isErr() ? file.err() : install(file.value());
    });
  }

  /** {@code KVM_CREATE_VM} with an in-kernel irqchip and {@code nrVcpus} vCPUs: a descriptor or {@code -ENOMEM}. */
  public int createVm(int nrVcpus) {
    return createVm(() -> KvmModule.on(host).createVm(nrVcpus));
  }

  /** {@code KVM_CREATE_VM} of a VM the host calls {@code name}, as this process does: the new fd, or {@code -ENOMEM}. */
  public int createVm(String name, int nrVcpus) {
    return createVm(() -> KvmModule.on(host).createVm(name, nrVcpus));
  }

  private int createVm(Supplier<Kvm> create) {
    return call("KVM_CREATE_VM", () -> {
      Kvm kvm = create.get();
      return kvm == null ? -Errno.ENOMEM : install(new KvmVmFile(kvm));
    });
  }

  /**
   * {@code poll(2)} of an eventfd for {@code POLLIN}, not waiting: {@link EventfdCtx#EPOLLIN}
   * while its counter is not zero, else 0; the counter is left as it is.
   */
  public int poll(int fd) {
    return call("poll", () -> {
      ErrOr<EventfdCtx> ctx = eventfdCtxFdget(fd);
      if (ctx.isErr()) {
        return ctx.err();
      }
      int mask = ctx.value().poll();
      ctx.value().put();
      return mask;
    });
  }

  /** {@code VFIO_DEVICE_SET_IRQS}. */
  public int vfioSetIrqs(int fd, VfioIrqSet set) {
    return ioctl("VFIO_DEVICE_SET_IRQS", fd, VfioDeviceFile.class, v -> v.setIrqs(this, set));
  }

  /** {@code VHOST_SET_VRING_CALL}: {@code callFd} -1 unbinds. */
  public int vhostSetVringCall(int fd, int index, int callFd) {
    return ioctl("VHOST_SET_VRING_CALL", fd, VhostVdpaFile.class, v -> v.setVringCall(this, index, callFd));
  }

  /** {@code VHOST_VDPA_SET_STATUS}. */
  public int vhostVdpaSetStatus(int fd, int status) {
    return ioctl("VHOST_VDPA_SET_STATUS", fd, VhostVdpaFile.class, v -> v.setStatus(status));
  }

  /** {@code KVM_IRQFD}. */
  public int kvmIrqfd(int vmFd, KvmIrqfdArgs args) {
    return ioctl("KVM_IRQFD", vmFd, KvmVmFile.class, f -> f.kvm().irqfd(this, args));
  }

  /** {@code KVM_SET_GSI_ROUTING}: the whole table; a GSI left out loses its routes. */
  public int kvmSetGsiRouting(int vmFd, List<KvmIrqRoutingEntry> entries) {
    return ioctl("KVM_SET_GSI_ROUTING", vmFd, KvmVmFile.class, f -> f.kvm().setGsiRouting(entries));
  }

  /** {@code KVM_CREATE_DEVICE} of type {@code KVM_DEV_TYPE_VFIO}: a descriptor, or {@code -EBUSY} when the VM has one. */
  public int kvmCreateVfioDevice(int vmFd) {
    return ioctl("KVM_CREATE_DEVICE", vmFd, KvmVmFile.class, f -> {
      ErrOr<KvmVfio> dev = KvmVfio.create(f.kvm());
      return dev.isErr() ? dev.err() : install(dev.value());
    });
  }

  /**
   * {@code KVM_SET_DEVICE_ATTR} on a kvm-vfio device: {@code KVM_DEV_VFIO_GROUP_ADD} ({@code add})
   * or {@code GROUP_DEL} of the group of the VFIO device open at {@code vfioFd}; {@code -EBADF}
   * when that is not open, {@code -EINVAL} when it is no VFIO file.
   */
  public int kvmVfioGroup(int devFd, int vfioFd, boolean add) {
    return ioctl("KVM_SET_DEVICE_ATTR", devFd, KvmVfio.class, d -> {
      File f = fds.get(vfioFd);
      if (f == null) {
        return -Errno.EBADF;
      }
      if (!(f.ops() instanceof VfioDeviceFile v)) {
        return -Errno.EINVAL;
      }
      return add ? d.groupAdd(v.device()) : d.groupDel(v.device());
    });
  }

  /** The VM behind {@code vmFd}, or null when it is not a VM's descriptor. */
  public Kvm vm(int vmFd) {
    KvmVmFile f = file(vmFd, KvmVmFile.class);
    return f == null ? null : f.kvm();
  }

  /** The eventfd context behind {@code fd} (no reference taken), or null. */
  public EventfdCtx eventfdCtx(int fd) {
    EventfdFile f = file(fd, EventfdFile.class);
    return f == null ? null : f.ctx();
  }

  /** An ioctl on a file of {@code kind}: {@code -EBADF} or {@code -ENOTTY} on any other. */
  private <T extends FileOps> int ioctl(String name, int fd, Class<T> kind, ToIntFunction<T> body) {
    return call(name, () -> {
      T f = file(fd, kind);
      return f == null ? badFile(fd) : body.applyAsInt(f);
    });
  }

  private <T extends FileOps> T file(int fd, Class<T> kind) {
    File f = fds.get(fd);
    return f != null && kind.isInstance(f.ops()) ? kind.cast(f.ops()) : null;
  }

  /** {@code -EBADF} for a descriptor that is not open, {@code -ENOTTY} for a file without the ioctl. */
  private int badFile(int fd) {
    return fds.containsKey(fd) ? -Errno.ENOTTY : -Errno.EBADF;
  }

  /** {@code exit()}: closes every descriptor, lowest first. */
  public void exit() {
    for (int fd : new ArrayList<>(fds.keySet())) {
      close(fd);
    }
  }

  @Override
  public String toString() {
    return comm;
  }
}
