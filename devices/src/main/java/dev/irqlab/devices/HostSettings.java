package dev.irqlab.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The host's interrupt-posting settings: its architecture, and on x86 the CPU vendor and the
 * parameters and IOMMU capability that decide whether device interrupts are posted.
 *
 * <p>As text ({@link #with(String, String)}, {@link #describe()}), each setting is a {@code
 * KEY=VALUE} word: {@code arch=x86|arm64}, {@code vendor=intel|amd}, {@code apicv=0|1} (also
 * spelled {@code enable_apicv}), {@code posting=0|1} and {@code enable_device_posted_irqs=0|1}.
 *
 * @param apicv {@code enable_apicv} (kvm_intel, kvm_amd): APIC virtualisation, without which
 *     nothing is posted (x86 only)
 * @param iommuPosting on x86 the IOMMU's {@code IRQ_POSTING_CAP} (VT-d or AMD-Vi posted
 *     interrupts); on arm64 a GICv4 ITS, which can map vLPIs ({@code vgic_supports_direct_msis})
 * @param devicePostedIrqs {@code enable_device_posted_irqs} (kvm_intel, kvm_amd, from 6.16;
 *     ignored by eras without {@link DriverChange#KVM_DEVICE_POSTED_IRQS_PARAM}; x86 only)
 * @param vendor the x86 CPU vendor, whose KVM module ({@code kvm_intel} or {@code kvm_amd})
 *     provides the posting hook
 * @param arch the host's architecture, whose KVM hooks consume the producers
 */
public record HostSettings(boolean apicv, boolean iommuPosting, boolean devicePostedIrqs, Vendor vendor, Arch arch) {

  /** The x86 CPU vendor. */
  public enum Vendor {
    /** VMX and VT-d posted interrupts ({@code kvm_intel}). */
    INTEL,
    /** SVM, AVIC and AMD-Vi guest virtual APIC mode ({@code kvm_amd}). */
    AMD
  }

  /** The host's architecture. */
  public enum Arch {
    /** x86: the IRTE posts to a vCPU's descriptor (dev.irqlab.devices.x86). */
    X86,
    /** arm64: a GICv4 ITS maps the device's LPI as a vLPI of the vCPU (dev.irqlab.devices.arm64). */
    ARM64
  }

  /** The keys of the text form, in the order {@link #describe()} writes them. */
  public static final List<String> KEYS = List.of("arch", "vendor", "apicv", "posting", "enable_device_posted_irqs");

  public HostSettings {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(arch, "arch");
  }

  /** An Intel x86 host with these settings. */
  public HostSettings(boolean apicv, boolean iommuPosting, boolean devicePostedIrqs) {
    this(apicv, iommuPosting, devicePostedIrqs, Vendor.INTEL, Arch.X86);
  }

  /** An Intel x86 host that can post: APICv, IOMMU posting, the parameter at its default (true). */
  public static HostSettings defaults() {
    return new HostSettings(true, true, true);
  }

  /** A host whose IOMMU cannot post (or that runs without APICv): everything is remapped. */
  public static HostSettings withoutPosting() {
    return new HostSettings(true, false, true);
  }

  public HostSettings withApicv(boolean on) {
    return new HostSettings(on, iommuPosting, devicePostedIrqs, vendor, arch);
  }

  public HostSettings withIommuPosting(boolean on) {
    return new HostSettings(apicv, on, devicePostedIrqs, vendor, arch);
  }

  public HostSettings withDevicePostedIrqs(boolean on) {
    return new HostSettings(apicv, iommuPosting, on, vendor, arch);
  }

  public HostSettings withVendor(Vendor v) {
    return new HostSettings(apicv, iommuPosting, devicePostedIrqs, v, arch);
  }

  public HostSettings withArch(Arch a) {
    return new HostSettings(apicv, iommuPosting, devicePostedIrqs, vendor, a);
  }

  /**
   * These settings with {@code key} set to {@code value}, as the text form writes them.
   *
   * @throws IllegalArgumentException with a message that names what was expected, for an unknown
   *     key ({@code unknown host setting 'x': expected arch, vendor, ...}) or value
   */
  public HostSettings with(String key, String value) {
    return switch (key) {
      case "arch" -> withArch(choice(key, value, Arch.values()));
      case "vendor" -> withVendor(choice(key, value, Vendor.values()));
      case "apicv", "enable_apicv" -> withApicv(bool(key, value));
      case "posting" -> withIommuPosting(bool(key, value));
      case "enable_device_posted_irqs" -> withDevicePostedIrqs(bool(key, value));
      default -> throw new IllegalArgumentException(
          "unknown host setting '" + key + "': expected " + String.join(", ", KEYS));
    };
  }

  /**
   * The settings that differ from {@link #defaults()}, as {@code KEY=VALUE} words in the order of
   * {@link #KEYS} ({@code arch=arm64 posting=0}); empty for the defaults.
   */
  public String describe() {
    HostSettings d = defaults();
    List<String> out = new ArrayList<>();
    if (arch != d.arch) {
      out.add("arch=" + name(arch));
    }
    if (vendor != d.vendor) {
      out.add("vendor=" + name(vendor));
    }
    if (apicv != d.apicv) {
      out.add("apicv=" + (apicv ? 1 : 0));
    }
    if (iommuPosting != d.iommuPosting) {
      out.add("posting=" + (iommuPosting ? 1 : 0));
    }
    if (devicePostedIrqs != d.devicePostedIrqs) {
      out.add("enable_device_posted_irqs=" + (devicePostedIrqs ? 1 : 0));
    }
    return String.join(" ", out);
  }

  /** True for an arm64 host. */
  public boolean isArm64() {
    return arch == Arch.ARM64;
  }

  /** A value that {@code key} does not take; the message quotes it as given, and callers that show it may quote it better. */
  public static final class BadValue extends IllegalArgumentException {
    private final String key;
    private final String value;
    private final String expected;

    BadValue(String key, String value, String expected) {
      super("'" + value + "' is not a value of " + key + ": expected " + expected);
      this.key = key;
      this.value = value;
      this.expected = expected;
    }

    public String key() {
      return key;
    }

    public String value() {
      return value;
    }

    /** What {@link #key()} takes ({@code 0 or 1}, {@code x86 or arm64}). */
    public String expected() {
      return expected;
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new BadValue(key, value, "0 or 1");
    };
  }

  private static <E extends Enum<E>> E choice(String key, String value, E[] values) {
    List<String> names = new ArrayList<>();
    for (E e : values) {
      if (name(e).equals(value)) {
        return e;
      }
      names.add(name(e));
    }
    throw new BadValue(key, value, String.join(" or ", names));
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
