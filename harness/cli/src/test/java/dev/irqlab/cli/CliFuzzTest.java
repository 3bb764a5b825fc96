package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.fuzz.Fuzz;
import dev.irqlab.conformance.fuzz.Mutator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argument vectors for every command, made of their options and values, mistakes and odd
 * characters, and mutated scenario files for {@code run}: exit 0, 1 or 2 (never the internal
 * error), no stack trace, a usage error in one line, a scenario error at its line and column,
 * and no trace that blames a revision for an exception of the harness.
 */
class CliFuzzTest {
  private static final Pattern JAVA_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\([^)]*\\)");
  /** An exception in a trace and where it was thrown: {@code at lambda$irqfd$16(Machine.java:256)}. */
  private static final Pattern TRACE_EXCEPTION = Pattern.compile("(?m)^(?:exception in step [0-9]+|\\s+exception): .* at \\S+\\(([\\w$]+\\.java):[0-9]+\\)$");

  @TempDir static Path dir;
  private static FuzzArgs args;

  @BeforeAll
  static void files() throws IOException {
    Path report = dir.resolve("report.json");
    Cli.Run r = Cli.run("matrix", "--revisions", "v6.16,v6.17", "--format", "json", "-o", report.toString());
    assertTrue(r.code() == Main.OK, r.err());
    Files.createDirectory(dir.resolve("empty"));
    Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));
    Files.createSymbolicLink(dir.resolve("null-link.txt"), Path.of("/dev/null"));
    List<byte[]> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../../examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".irq")).sorted().toList()) {
        examples.add(Files.readAllBytes(f));
      }
    }
    args = new FuzzArgs(dir, report, examples);
  }

  @Test
  void everyCommandLineEndsInZeroOneOrTwoWithoutAStackTraceAndWithOneLineForAMistake() {
    Fuzz.seeds(20_260_303L, 800).forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      List<String> argv = args.vector(random, seed);
      Cli.Run r = Cli.run(argv.toArray(String[]::new));
      check(argv, r, Fuzz.describe(seed, String.join(" | ", argv)));
    });
  }

  /** Mutated examples, run through the command line on the real revisions and eras. */
  @Test
  void mutatedScenariosRunOnEveryRevisionWithoutFaultsOfTheHarness() {
    List<String> revisions = RevisionHistoryTest.ALL;
    List<String> eras = dev.irqlab.devices.DriverEra.ids();
    Fuzz.seeds(20_260_404L, 60).forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      List<String> argv = new ArrayList<>(List.of("run", args.mutatedScenario(random, seed),
          "--revision", revisions.get(random.nextInt(revisions.size()))));
      if (random.nextBoolean()) {
        argv.addAll(List.of("--era", eras.get(random.nextInt(eras.size()))));
      }
      Cli.Run r = Cli.run(argv.toArray(String[]::new));
      check(argv, r, Fuzz.describe(seed, String.join(" | ", argv)));
    });
  }

  private static void check(List<String> argv, Cli.Run r, String shown) {
    String all = "exit " + r.code() + "\nerr:\n" + Fuzz.escape(r.err()) + "\nout:\n" + Fuzz.escape(cut(r.out())) + "\n" + shown;
    assertTrue(r.code() == Main.OK || r.code() == Main.UNEXPECTED || r.code() == Main.USAGE, all);
    assertFalse(JAVA_FRAME.matcher(r.err()).find() || JAVA_FRAME.matcher(r.out()).find(), "a stack trace: " + all);
    assertFalse(Fuzz.EXCEPTION_NAME.matcher(r.err()).find(), "an exception's name: " + all);
    if (r.code() == Main.USAGE) {
      String err = r.err().endsWith("\n") ? r.err().substring(0, r.err().length() - 1) : r.err();
      assertTrue(err.startsWith("irqlab: ") && Fuzz.oneVisibleLine(err), "not one line: " + all);
      scenarioError(err, argv, all);
    }
    Matcher m = TRACE_EXCEPTION.matcher(r.out());
    while (m.find()) {
      assertTrue(m.group(1).equals("IrqBypassManager.java"), "a trace blames the revision for an exception in " + m.group(1) + ": " + all);
    }
  }

  /** An error in a scenario file of ours names the line and column, or says what is wrong with the file as a whole. */
  private static void scenarioError(String err, List<String> argv, String all) {
    for (String a : argv) {
      if (a.startsWith(dir.toString()) && a.endsWith(".irq") && err.startsWith("irqlab: " + a + ":")) {
        String rest = err.substring(("irqlab: " + a + ":").length());
        assertTrue(rest.matches("[0-9]+:[0-9]+: \\S.*") || rest.matches(" (no such file|is a .*|too large .*|cannot read: .*)"),
            "a scenario error without its line and column: " + all);
      }
    }
  }

  private static String cut(String out) {
    return out.length() > 4000 ? out.substring(0, 4000) + "..." : out;
  }

  /** Makes the argument vectors and the scenario files they name. */
  static final class FuzzArgs {
    private final Path dir;
    private final Path report;
    private final List<byte[]> examples;

    FuzzArgs(Path dir, Path report, List<byte[]> examples) {
      this.dir = dir;
      this.report = report;
      this.examples = examples;
    }

    List<String> vector(SplittableRandom random, long seed) {
      List<String> argv = new ArrayList<>();
      String command = pick(random, FuzzVocabulary.COMMANDS);
      if (!command.isEmpty()) {
        argv.add(command);
      }
      int positionals = FuzzVocabulary.positionals(command) + (random.nextInt(5) == 0 ? 1 : 0);
      for (int i = 0; i < positionals; i++) {
        argv.add(positional(random, command, seed));
      }
      List<String> options = new ArrayList<>(FuzzVocabulary.options(command));
      int n = options.isEmpty() ? 0 : random.nextInt(options.size() + 1);
      for (int i = 0; i < n; i++) {
        String option = options.remove(random.nextInt(options.size()));
        List<String> values = FuzzVocabulary.values(option);
        argv.add(option);
        if (!values.isEmpty()) {
          argv.add(pick(random, values));
        }
      }
      int mutations = random.nextInt(3);
      for (int i = 0; i < mutations && !argv.isEmpty(); i++) {
        int at = random.nextInt(argv.size());
        switch (random.nextInt(3)) {
          case 0 -> argv.remove(at);
          case 1 -> argv.add(at, argv.get(at));
          default -> argv.add(at, pick(random, FuzzVocabulary.JUNK));
        }
      }
      safeOutputs(argv, random);
      FuzzVocabulary.guard(argv, dir);
      return argv;
    }

    /** A value after {@code -o} or {@code --plot} is always one of the test's own paths. */
    private void safeOutputs(List<String> argv, SplittableRandom random) {
      for (int i = 0; i + 1 < argv.size(); i++) {
        if (FuzzVocabulary.OUTPUT_OPTIONS.contains(argv.get(i))) {
          argv.set(i + 1, output(random));
        }
      }
      if (!argv.isEmpty() && FuzzVocabulary.OUTPUT_OPTIONS.contains(argv.get(argv.size() - 1))) {
        argv.remove(argv.size() - 1);
      }
    }

    private String output(SplittableRandom random) {
      return switch (random.nextInt(8)) {
        case 0 -> "/dev/null";
        case 1 -> "/";
        case 2 -> dir.toString();
        case 3 -> dir.resolve("link.txt").toString();
        case 4 -> dir.resolve("null-link.txt").toString();
        case 5 -> dir.resolve("no/such/out.txt").toString();
        case 6 -> dir.resolve("out.svg").toString();
        default -> dir.resolve("out.txt").toString();
      };
    }

    private String positional(SplittableRandom random, String command, long seed) {
      return switch (command) {
        case "run" -> scenario(random, seed);
        case "diff" -> random.nextBoolean() ? pick(random, FuzzVocabulary.REVISIONS)
            : report + pick(random, List.of("", ":v6.17", ":v6.16", ":nope", ":"));
        case "explain" -> pick(random, List.of("ERR-02", "err-02", "INV-01", "NOPE", ""));
        case "help" -> pick(random, FuzzVocabulary.COMMANDS);
        case "new-revision" -> pick(random, List.of("keep-on-failure", "v6.17", "Bad_Id", "", "a..b", "x".repeat(200)));
        default -> random.nextBoolean() ? pick(random, FuzzVocabulary.REVISIONS) : pick(random, FuzzVocabulary.JUNK);
      };
    }

    /** A scenario file: an example, as it is or mutated, or a path that is not one. */
    private String scenario(SplittableRandom random, long seed) {
      if (random.nextInt(6) == 0) {
        return pick(random, List.of("/dev/null", "/", dir.toString(), dir.resolve("none.irq").toString()));
      }
      return mutatedScenario(random, seed);
    }

    /** An example, mutated three times in four, written to a file of its own. */
    String mutatedScenario(SplittableRandom random, long seed) {
      byte[] text = pick(random, examples);
      if (random.nextInt(4) != 0) {
        text = new Mutator(random, FuzzVocabulary.SCENARIO_WORDS, FuzzVocabulary.SCENARIO_LINES).mutate(text, 3);
      }
      Path file = dir.resolve(String.format(Locale.ROOT, "s%d.irq", seed));
      try {
        Files.write(file, text);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return file.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
      return from.get(random.nextInt(from.size()));
    }
  }
}
