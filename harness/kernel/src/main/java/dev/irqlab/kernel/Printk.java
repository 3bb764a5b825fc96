package dev.irqlab.kernel;

import java.util.Locale;

/**
 * The kernel's {@code vsprintf}, as far as printk lines in ports and drivers need it, so their
 * format strings stay the C ones ({@code "irq bypass producer (token %p) registration fails:
 * %d"}).
 *
 * <p>Supported: flags {@code - 0 + space #}, width and precision (also {@code *}), length
 * modifiers {@code hh h l ll z} (ignored: Java arguments carry their width), and conversions
 * {@code d i u x X o c s %}, plus {@code %p} (a hashed pointer, 16 hex digits, {@code (null)} for
 * NULL) and {@code %px} (the raw address). A pointer argument is a {@link KObject}, a {@code
 * long} or {@code null}. Output never depends on the default locale.
 */
final class Printk {
  private final long hashKey;

  Printk(long hashKey) {
    this.hashKey = hashKey;
  }

  /** The hashed value {@code %p} prints for an address, as {@code ptr_to_id} does. */
  String hashPointer(long address) {
    long h = (address ^ hashKey) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return String.format(Locale.ROOT, "%016x", h & 0xffffffffL);
  }

  String format(String fmt, Object... args) {
    StringBuilder out = new StringBuilder(fmt.length() + 32);
    int arg = 0;
    int i = 0;
    while (i < fmt.length()) {
      char ch = fmt.charAt(i++);
      if (ch != '%') {
        out.append(ch);
        continue;
      }
      if (i < fmt.length() && fmt.charAt(i) == '%') {
        out.append('%');
        i++;
        continue;
      }
      Spec spec = new Spec();
      i = spec.parseFlags(fmt, i);
      if (i < fmt.length() && fmt.charAt(i) == '*') {
        spec.width = ((Number) next(args, arg++, fmt)).intValue();
        i++;
      } else {
        i = spec.parseWidth(fmt, i);
      }
      if (i < fmt.length() && fmt.charAt(i) == '.') {
        i++;
        if (i < fmt.length() && fmt.charAt(i) == '*') {
          spec.precision = ((Number) next(args, arg++, fmt)).intValue();
          i++;
        } else {
          int start = i;
          while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
            i++;
          }
          spec.precision = start == i ? 0 : Integer.parseInt(fmt.substring(start, i));
        }
      }
      while (i < fmt.length() && "hlzjt".indexOf(fmt.charAt(i)) >= 0) {
        i++;
      }
      if (i >= fmt.length()) {
        throw new IllegalArgumentException("printk format ends inside a conversion: " + fmt);
      }
      char conv = fmt.charAt(i++);
      if (conv == 'p' && i < fmt.length() && fmt.charAt(i) == 'x') {
        i++;
        conv = 'P';
      }
      out.append(spec.pad(convert(conv, next(args, arg++, fmt), spec, fmt)));
    }
    if (arg != args.length) {
      throw new IllegalArgumentException(
          "printk format uses " + arg + " arguments but got " + args.length + ": " + fmt);
    }
    return out.toString();
  }

  private static Object next(Object[] args, int index, String fmt) {
    if (index >= args.length) {
      throw new IllegalArgumentException("printk format wants more than " + args.length + " arguments: " + fmt);
    }
    return args[index];
  }

  private String convert(char conv, Object value, Spec spec, String fmt) {
    switch (conv) {
      case 'd':
      case 'i':
        return spec.sign(Long.toString(asLong(value, fmt)));
      case 'u':
        return Long.toUnsignedString(unsigned(value, fmt));
      case 'x':
        return (spec.alt ? "0x" : "") + Long.toHexString(unsigned(value, fmt));
      case 'X':
        return (spec.alt ? "0X" : "") + Long.toHexString(unsigned(value, fmt)).toUpperCase(Locale.ROOT);
      case 'o':
        return Long.toOctalString(unsigned(value, fmt));
      case 'c':
        return String.valueOf(value instanceof Character c ? c.charValue() : (char) asLong(value, fmt));
      case 's':
        String s = value == null ? "(null)" : value.toString();
        return spec.precision >= 0 && s.length() > spec.precision ? s.substring(0, spec.precision) : s;
      case 'p':
        return value == null ? "(null)" : hashPointer(address(value, fmt));
      case 'P':
        return String.format(Locale.ROOT, "%016x", value == null ? 0L : address(value, fmt));
      default:
        throw new IllegalArgumentException("printk conversion %" + conv + " is not supported: " + fmt);
    }
  }

  private static long address(Object value, String fmt) {
    if (value instanceof KObject o) {
      return o.address();
    }
    if (value instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException("%p wants a KObject, a long or null, not " + value.getClass().getSimpleName() + ": " + fmt);
  }

  private static long asLong(Object value, String fmt) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("printk wants a number, not " + value + ": " + fmt);
  }

  private static long unsigned(Object value, String fmt) {
    if (value instanceof Integer n) {
      return Integer.toUnsignedLong(n);
    }
    if (value instanceof Short n) {
      return Short.toUnsignedLong(n);
    }
    if (value instanceof Byte n) {
      return Byte.toUnsignedLong(n);
    }
    return asLong(value, fmt);
  }

  private static final class Spec {
    boolean left;
    boolean zero;
    boolean plus;
    boolean space;
    boolean alt;
    int width = -1;
    int precision = -1;

    int parseFlags(String fmt, int i) {
      while (i < fmt.length()) {
        switch (fmt.charAt(i)) {
          case '-' -> left = true;
          case '0' -> zero = true;
          case '+' -> plus = true;
          case ' ' -> space = true;
          case '#' -> alt = true;
          default -> {
            return i;
          }
        }
        i++;
      }
      return i;
    }

    int parseWidth(String fmt, int i) {
      int start = i;
      while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = Integer.parseInt(fmt.substring(start, i));
      }
      return i;
    }

    String sign(String digits) {
      if (digits.startsWith("-")) {
        return digits;
      }
      return plus ? "+" + digits : space ? " " + digits : digits;
    }

    String pad(String text) {
      if (width < 0 || text.length() >= width) {
        return text;
      }
      String fill = (zero && !left ? "0" : " ").repeat(width - text.length());
      if (left) {
        return text + fill;
      }
      if (zero && (text.startsWith("-") || text.startsWith("+"))) {
        return text.charAt(0) + fill + text.substring(1);
      }
      return fill + text;
    }
  }
}
