package dev.irqlab.scaffold.check;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a type named by a revision lives, as far as the check is concerned: what a revision may
 * use, and which rule forbids the rest. Every decision about what of the JDK a revision may name
 * is made here, in {@link #of}.
 */
public enum Namespace {
  /** The revision's own package. */
  OWN,
  /** {@code dev.irqlab.spi}: the contract a revision implements. */
  SPI,
  /** {@code dev.irqlab.kernel}: the emulated kernel a revision runs on. */
  KERNEL,
  /**
   * The java.lang basics ({@code String}, {@code Integer}, {@code Override}, {@code Class} as a
   * type, exceptions, ...) and, from java.util, only {@code Objects}, {@code Locale} and
   * {@code java.util.function}: helpers and lambda types, which hold no data of their own.
   */
  JAVA_BASICS,
  /** Another revision's package, {@code dev.irqlab.rev.*}. */
  OTHER_REVISION,
  /** Any other {@code dev.irqlab} package: conformance, devices, cli, testkit, scaffold, ... */
  HARNESS,
  /**
   * The rest of java.util (the collections, {@code Iterator}, {@code Comparator}, {@code
   * Optional}, ...) and {@code java.util.stream}.
   */
  COLLECTIONS,
  /** {@code java.util.concurrent} and its subpackages (atomic, locks). */
  CONCURRENCY,
  /**
   * {@code java.lang.reflect}, {@code java.lang.invoke}, {@code ClassLoader} and {@code
   * java.util.ServiceLoader}.
   */
  REFLECTION,
  /** {@code Thread}, {@code ThreadLocal}, {@code ThreadGroup}, {@code java.util.Timer}. */
  THREADS,
  /**
   * Anything else: other JDK packages (java.io, java.nio, java.time, javax, java.util.regex, ...),
   * libraries, the java.lang classes that reach outside the emulated kernel ({@code System},
   * {@code Runtime}, {@code Process}, ...), and the java.util classes that are no collection
   * ({@code Random}, {@code Date}, {@code Scanner}, {@code UUID}, ...).
   */
  OUTSIDE;

  private static final Set<String> LANG_THREADS =
      Set.of("Thread", "ThreadLocal", "InheritableThreadLocal", "ThreadGroup");
  private static final Set<String> UTIL_THREADS = Set.of("Timer", "TimerTask");
  private static final Set<String> LANG_REFLECTION = Set.of("ClassLoader");
  private static final Set<String> LANG_OUTSIDE =
      Set.of("System", "Runtime", "Process", "ProcessBuilder", "ProcessHandle", "SecurityManager",
          "StackWalker", "Module", "ModuleLayer");
  private static final Set<String> UTIL_BASICS = Set.of("Objects", "Locale");
  private static final Set<String> UTIL_REFLECTION = Set.of("ServiceLoader");
  /** java.util classes that are no collection: clocks, randomness, input, text, ids. */
  private static final Set<String> UTIL_OUTSIDE =
      Set.of("Random", "SplittableRandom", "Scanner", "Date", "Calendar", "GregorianCalendar",
          "TimeZone", "SimpleTimeZone", "UUID", "Formatter", "ResourceBundle", "Currency",
          "Base64", "HexFormat");

  /** The java.lang simple names a revision may not use, though they need no import. */
  static final Set<String> WATCHED_LANG_NAMES =
      Stream.of(LANG_THREADS, LANG_REFLECTION, LANG_OUTSIDE)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Classifies a qualified type name (or {@code package.*}) named in a file of package {@code
   * ownPackage}.
   */
  public static Namespace of(String name, String ownPackage) {
    if (!ownPackage.isEmpty() && name.startsWith(ownPackage + ".")) {
      return OWN;
    }
    if (name.startsWith("dev.irqlab.")) {
      return ofIrqlab(name.substring("dev.irqlab.".length()));
    }
    if (name.startsWith("java.lang.")) {
      return ofLang(name.substring("java.lang.".length()));
    }
    if (name.startsWith("java.util.")) {
      return ofUtil(name.substring("java.util.".length()));
    }
    return OUTSIDE;
  }

  private static Namespace ofIrqlab(String rest) {
    if (rest.startsWith("spi.")) {
      return SPI;
    }
    if (rest.startsWith("kernel.")) {
      return KERNEL;
    }
    return rest.startsWith("rev.") ? OTHER_REVISION : HARNESS;
  }

  private static Namespace ofLang(String rest) {
    String first = firstSegment(rest);
    if (first.equals("reflect") || first.equals("invoke") || LANG_REFLECTION.contains(first)) {
      return REFLECTION;
    }
    if (LANG_THREADS.contains(first)) {
      return THREADS;
    }
    if (LANG_OUTSIDE.contains(first) || isPackageSegment(first) && !first.equals("*")) {
      return OUTSIDE;
    }
    return JAVA_BASICS;
  }

  private static Namespace ofUtil(String rest) {
    String first = firstSegment(rest);
    if (first.equals("function") || UTIL_BASICS.contains(first)) {
      return JAVA_BASICS;
    }
    if (first.equals("concurrent")) {
      return CONCURRENCY;
    }
    if (UTIL_THREADS.contains(first)) {
      return THREADS;
    }
    if (UTIL_REFLECTION.contains(first)) {
      return REFLECTION;
    }
    if (UTIL_OUTSIDE.contains(first)) {
      return OUTSIDE;
    }
    if (first.equals("stream") || first.equals("*") || !isPackageSegment(first)) {
      return COLLECTIONS;
    }
    return OUTSIDE;
  }

  private static String firstSegment(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Package names are lower case; type names start with an upper-case letter. */
  static boolean isPackageSegment(String segment) {
    return !segment.isEmpty() && !Character.isUpperCase(segment.charAt(0));
  }
}
