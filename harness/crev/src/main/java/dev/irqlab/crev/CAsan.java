package dev.irqlab.crev;

import dev.irqlab.kernel.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an AddressSanitizer report of the C, for the KASAN report the emulated kernel logs. */
final class CAsan {
  private static final Pattern ERROR = Pattern.compile("ERROR: AddressSanitizer: ([\\w-]+)(?: on address 0x([0-9a-f]+))?");
  private static final Pattern ACCESS = Pattern.compile("^(READ|WRITE) of size (\\d+)", Pattern.MULTILINE);
  private static final Pattern FRAME = Pattern.compile("^\\s*#\\d+ 0x[0-9a-f]+ in (\\S+) (\\S+?)(?::(\\d+))?(?::\\d+)?$", Pattern.MULTILINE);
  private static final Pattern REGION = Pattern.compile("(\\d+)-byte region \\[0x([0-9a-f]+),");

  private CAsan() {}

  /**
   * One report.
   *
   * @param kind KASAN's word for it ({@code slab-use-after-free}, {@code slab-out-of-bounds}, {@code double-free})
   * @param access {@code Read of size 8}, {@code Write of size 4}, or {@code Free}
   * @param address the address accessed, in the C process
   * @param region where the object the address belongs to starts, or 0
   * @param size that object's size in bytes, or 0
   * @param site the first frame in the revision's code (not the shim's, not the sanitizer's)
   * @param details what the report says of memory that is no producer or consumer
   */
  record Report(String kind, String access, long address, long region, long size, Site site, List<String> details) {}

  static Report parse(String text) {
    Matcher e = ERROR.matcher(text);
    String asanKind = e.find() ? e.group(1) : "unknown-crash";
    long address = e.group(2) == null ? 0 : Long.parseUnsignedLong(e.group(2), 16);
    Matcher a = ACCESS.matcher(text);
    String access = a.find() ? (a.group(1).equals("READ") ? "Read" : "Write") + " of size " + a.group(2) : "Free";
    Site site = Site.c("?", "?", 0);
    Matcher f = FRAME.matcher(text);
    while (f.find()) {
      String function = f.group(1);
      String file = f.group(2);
      if (function.startsWith("irqlab_") || function.startsWith("__interceptor") || function.startsWith("__asan")
          || file.startsWith("irqlab/") || file.startsWith("../") || file.startsWith("/")) {
        continue;
      }
      site = Site.c(function, file, f.group(3) == null ? 0 : Integer.parseInt(f.group(3)));
      break;
    }
    Matcher r = REGION.matcher(text);
    long region = 0;
    long size = 0;
    List<String> details = new ArrayList<>();
    if (r.find()) {
      region = Long.parseUnsignedLong(r.group(2), 16);
      size = Long.parseLong(r.group(1));
      details.add(String.format(Locale.ROOT, "The buggy address belongs to an object of %s bytes the C allocated", r.group(1)));
    }
    return new Report(kasanKind(asanKind), access, address, region, size, site, details);
  }

  private static String kasanKind(String asan) {
    return switch (asan) {
      case "heap-use-after-free", "use-after-poison" -> "slab-use-after-free";
      case "heap-buffer-overflow" -> "slab-out-of-bounds";
      case "attempting" -> "double-free";
      case "global-buffer-overflow" -> "global-out-of-bounds";
      case "stack-buffer-overflow" -> "stack-out-of-bounds";
      default -> asan;
    };
  }
}
