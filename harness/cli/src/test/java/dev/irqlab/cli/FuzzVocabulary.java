package dev.irqlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link CliFuzzTest} makes command lines of: each command's options and their values,
 * right and wrong, and words that break careless parsing. A command that would run for long
 * (the suite, the stress, JMH) or write into the checkout is always given a mistake it finds
 * before it starts ({@link #guard}).
 */
final class FuzzVocabulary {
  private FuzzVocabulary() {}

  static final List<String> COMMANDS = List.of("matrix", "matrix", "diff", "diff", "run", "run", "run", "run", "explain",
      "list", "info", "source-diff", "new-revision", "stress", "scale", "jmh", "help", "", "frobnicate", "-h", "--version",
      "Run", "matrix ", "bisect", "bisect");

  static final List<String> REVISIONS = List.of("v6.17", "v6.16", "rfc-2015", "nope", "", "V6.17", "v6.17 ", "all", "v6.17,v6.16",
      "v6.17-8", "v6.17-3");

  static final List<String> JUNK = List.of("", " ", "-", "--", "---", "-h", "--help", "-V", "=", "--=x", "--format=", "-o=",
      "\u0000", "a\u0000b", "\n", "\r", "\t", "\uFEFF", "\u200b", "\u202e", "\u00fc", "\uD83D\uDE00", "\uD800", "x".repeat(300),
      "99999999999999999999", "-1", "0", "NaN", "Infinity", "1e309", "--no-such", "-Z", "@", "@/dev/zero", "%s%n", "'", "\"",
      "\\", "$HOME", "*", "../..", "/dev/null");

  /** The commands that run the suite, the stress or JMH, or write into a checkout. */
  private static final List<String> RUNNABLE =
      List.of("matrix", "explain", "diff", "bisect", "stress", "scale", "jmh", "new-revision");

  static final List<String> OUTPUT_OPTIONS = List.of("-o", "--output", "--plot");

  private static final List<String> ERAS = List.of("v6.17", "v6.16", "", "nope", "V6.17", "v6.17-fix", " ");
  private static final List<String> LISTS = List.of("v6.17", "v6.16,v6.17", ",", "v6.17,,v6.16", "", "nope", " v6.17", "V6.17",
      "all", "v6.17,nope", "v6.17,", ",v6.17");
  private static final List<String> NUMBERS = List.of("0", "-1", "1", "2", "99999999999", "2147483647", "x", "", "1.5", "NaN",
      "Infinity", "-Infinity", "1e3", "0x10");

  private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
      Map.entry("matrix", List.of("--format", "--revisions", "--series", "--era", "-o", "--output")),
      Map.entry("bisect", List.of("--clause", "--scenario", "--grep", "--all", "--era", "--time-limit")),
      Map.entry("diff", List.of("--era", "-o")),
      Map.entry("run", List.of("--revision", "--era", "--format", "-o", "--host")),
      Map.entry("explain", List.of("--revisions", "--era")),
      Map.entry("list", List.of("-h", "--bogus")),
      Map.entry("info", List.of("--no-tour", "--no-tour", "-h")),
      Map.entry("source-diff", List.of("--format", "-o")),
      Map.entry("new-revision", List.of("--from", "--title", "--author", "--status", "--date", "--series")),
      Map.entry("stress", List.of("-t", "-n", "--full", "--clock", "--cost", "--think", "--seed", "--producers", "--cpus", "-j", "--format", "--plot",
          "--no-progress", "--no-fork")),
      Map.entry("scale", List.of("--max", "--budget", "--format", "--plot", "--no-fork")),
      Map.entry("jmh", List.of("-f", "-wi", "-i", "-p", "-rf", "-bogus", "-h")));

  private static final Map<String, List<String>> VALUES = Map.ofEntries(
      Map.entry("--format", List.of("text", "json", "markdown", "ktap", "html", "JSON", "pdf", "", "text ")),
      Map.entry("--revisions", LISTS),
      Map.entry("--revision", REVISIONS),
      Map.entry("--era", ERAS),
      Map.entry("--host", List.of("arch=arm64", "vendor=amd,apicv=0", "arch=sparc", "", ",", "=", "posting=0,posting=1", "arch")),
      Map.entry("--from", REVISIONS),
      Map.entry("--series", List.of("sean-v2", "nope", "", "Sean-v2", "mine:3", "mine:0", "mine:x", ":3", "mine:", "sean-v2:2")),
      Map.entry("--clause", List.of("REG-09", "reg-09", "MOD-01", "REG-99", "", " ")),
      Map.entry("--scenario", List.of("", "-", "/dev/null", "no-such.irq", "../..")),
      Map.entry("--grep", List.of("WARNING", "(", "", "[", "\\")),
      Map.entry("--time-limit", NUMBERS),
      Map.entry("--title", List.of("", " ", "a title", "\n")),
      Map.entry("--author", List.of("", "Ann <a@b>", "\u0000")),
      Map.entry("--status", List.of("proposal", "merged", "nope", "")),
      Map.entry("--date", List.of("2026-01-01", "2026-13-01", "yesterday", "", "99999-01-01")),
      Map.entry("-t", NUMBERS), Map.entry("-n", NUMBERS), Map.entry("--cpus", NUMBERS), Map.entry("-j", NUMBERS),
      Map.entry("--max", NUMBERS), Map.entry("--budget", NUMBERS), Map.entry("-f", NUMBERS), Map.entry("-wi", NUMBERS),
      Map.entry("-i", NUMBERS), Map.entry("-p", List.of("revision=nope", "size=x", "=", "")),
      Map.entry("-rf", List.of("json", "nope")),
      Map.entry("-o", List.of("")), Map.entry("--output", List.of("")), Map.entry("--plot", List.of("")));

  static final List<String> SCENARIO_WORDS = List.of("vm0", "efd0", "efd2", "vfio0", "vdpa0", "p0", "c0", "NULL", "-", "close",
      "fire", "irqfd", "deassign", "set-irqs", "register", "unregister", "free", "rmmod", "fail", "vring-call", "status",
      "kvm-vfio", "kvm-vfio-del", "route", "host");
  static final List<String> SCENARIO_LINES = List.of("host arch=arm64", "host vendor=via", "close vm0", "close efd0", "close efd2",
      "close vfio0", "fail kmalloc",
      "fail off", "rmmod", "fire vfio0.msix9", "fire vfio0.msix0", "fire vfio0.msi1", "signal efd0", "signal efd2",
      "deassign vm0 efd0 24", "irqfd vm0 efd2 25", "disable-irqs vfio0 msix", "set-irqs vfio0 msix 3 efd2 efd2",
      "vdpa vdpa0 vqs=1", "fire vdpa0.vq3", "vring-call vdpa0 0 efd0", "status vdpa0 driver-ok", "route vm0 24 vcpu=63 vector=0x41",
      "fail irq_set_vcpu_affinity nth=2", "fail request_irq times=3 in=vfio_msi_set_vector_signal", "fail kmalloc:kvm_kernel_irqfd nth=1",
      "fail kmalloc: nth=0", "fail irq_set_vcpu_affinity in=kvm_irq_routing_update",
      "kvm-vfio vm0 vfio0", "kvm-vfio-del vm0 vfio0", "route vm0 24 vcpus=0,1 vector=0x41 delivery=lowest-priority",
      "route vm0 24 irqchip=ioapic pin=10", "route vm0 24 vcpus=0,9 vector=0x41");

  /** How many positional arguments {@code command} needs. */
  static int positionals(String command) {
    return switch (command) {
      case "run", "explain", "new-revision", "help" -> 1;
      case "diff", "source-diff", "bisect" -> 2;
      case "stress", "scale" -> 1;
      default -> 0;
    };
  }

  static List<String> options(String command) {
    return OPTIONS.getOrDefault(command, List.of());
  }

  /** The values an option takes; empty for a flag. */
  static List<String> values(String option) {
    return VALUES.getOrDefault(option, List.of());
  }

  /**
   * Adds to {@code argv} a mistake its command finds before its long work, or, for new-revision,
   * a root outside the checkout: the suite, the stress and JMH never run here. The command is
   * the first word that names one (a mutation may have dropped the word it was made for, and
   * left, say, the {@code scale} that followed {@code help}); after a {@code --} the mistake
   * is an argument too many.
   */
  static void guard(List<String> argv, Path dir) {
    String command = argv.stream().filter(RUNNABLE::contains).findFirst().orElse("");
    switch (command) {
      case "matrix", "explain", "diff", "bisect" -> set(argv, "--era", "no-such-era");
      case "stress" -> set(argv, "-j", "0");
      case "scale" -> set(argv, "--budget", "0");
      case "jmh" -> argv.add(argv.indexOf("jmh") + 1, "-zz");
      case "new-revision" -> set(argv, "--root", dir.resolve("empty").toString());
      default -> { }
    }
  }

  /** {@code option} with {@code value}: the value of its last occurrence replaced, or both added at the end. */
  private static void set(List<String> argv, String option, String value) {
    int at = argv.lastIndexOf(option);
    if (at >= 0 && at + 1 < argv.size()) {
      argv.set(at + 1, value);
    } else {
      if (at >= 0) {
        argv.remove(at);
      }
      argv.addAll(List.of(option, value));
    }
  }
}
