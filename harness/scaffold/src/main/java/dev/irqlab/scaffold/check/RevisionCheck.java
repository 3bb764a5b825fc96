package dev.irqlab.scaffold.check;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.EnumDeclaration;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The static check of revision modules: a revision's sources ({@code src/main/java}) use only the
 * SPI, the emulated kernel and java.lang basics. Each kind of defect is one {@link RevisionRule}
 * with an id; a finding names the file, line, column and rule.
 *
 * <p>The build runs {@link #main} on every module listed in {@code revisions/pom.xml} (bound in
 * that pom, so a new module inherits it), and fails on the first module with a finding.
 */
public final class RevisionCheck {
  /** Every rule, in the order the package documentation lists them. */
  public static final List<RevisionRule> RULES =
      List.of(
          new NoCollections(),
          new NoConcurrency(),
          new NoReflection(),
          new NoThreads(),
          new NoStaticMutableState(),
          new NoOtherRevision(),
          new NoHarness(),
          new OnlySpiAndKernel(),
          new RevisionPackage());
  /** The id of the finding for a file that does not parse. */
  public static final String PARSE_ERROR = "parse-error";

  private final JavaParser parser =
      new JavaParser(
          new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

  /**
   * Checks the module in {@code moduleDir}: every {@code .java} file under {@code src/main/java},
   * as revision {@code moduleDir}'s folder name. A folder without {@code src/main/java} (the
   * revisions aggregator itself) has nothing to check.
   */
  public List<Finding> checkModule(Path moduleDir) {
    String id = moduleDir.toAbsolutePath().normalize().getFileName().toString();
    Path services = moduleDir.resolve("src/main/resources").resolve(RevisionModule.SERVICES_FILE);
    Optional<String> provider =
        Files.isRegularFile(services) ? firstEntry(services) : Optional.empty();
    if (provider.isEmpty()) {
      return checkSources(id, readSources(moduleDir.resolve("src/main/java")));
    }
    String pkg = provider.get().substring(0, Math.max(0, provider.get().lastIndexOf('.')));
    String why = "the module's Provider, named in " + label(services) + ", is in package " + pkg;
    return check(id, pkg, why, readSources(moduleDir.resolve("src/main/java")));
  }

  /**
   * Checks the sources of revision {@code id}, given as file name (as findings print it) to text;
   * they belong in {@link RevisionModule#packageOf the conventional package} of {@code id}.
   */
  public List<Finding> checkSources(String id, Map<String, String> files) {
    String pkg = RevisionModule.packageOf(id);
    String why = "the sources of revision " + id + " are in package " + pkg
        + " (the id with . and - as _)";
    return check(id, pkg, why, files);
  }

  private List<Finding> check(String id, String pkg, String why, Map<String, String> files) {
    Findings findings = new Findings();
    Map<String, CompilationUnit> units = new LinkedHashMap<>();
    files.forEach((file, text) -> parse(file, text, findings).ifPresent(u -> units.put(file, u)));
    RevisionModule module = module(id, pkg, why, units.values());
    units.forEach(
        (file, unit) -> {
          RevisionSource source = new RevisionSource(file, unit, module);
          RULES.forEach(rule -> rule.check(source, findings));
        });
    return findings.sorted();
  }

  private static Map<String, String> readSources(Path root) {
    Map<String, String> files = new LinkedHashMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + label(root) + ": " + e, e);
    }
    for (Path p : paths) {
      try {
        files.put(label(p), Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + label(p) + " as UTF-8: " + e, e);
      }
    }
    return files;
  }

  /** The first class a services file names (comments after # ignored). */
  private static Optional<String> firstEntry(Path services) {
    try {
      return Files.readAllLines(services, StandardCharsets.UTF_8).stream()
          .map(line -> line.replaceFirst("#.*", "").strip())
          .filter(line -> !line.isEmpty())
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + label(services) + ": " + e, e);
    }
  }

  private Optional<CompilationUnit> parse(String file, String text, Findings findings) {
    ParseResult<CompilationUnit> result = parser.parse(text);
    if (result.isSuccessful() && result.getResult().isPresent()) {
      return result.getResult();
    }
    Problem problem = result.getProblems().get(0);
    Position at =
        problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin)
            .orElse(new Position(1, 1));
    String message = problem.getMessage().lines().findFirst().orElse("does not parse");
    findings.add(new Finding(file, at.line, at.column, PARSE_ERROR, message));
    return Optional.empty();
  }

  private static RevisionModule module(
      String id, String pkg, String why, Iterable<CompilationUnit> units) {
    Set<String> types = new HashSet<>();
    Set<String> enums = new HashSet<>();
    for (CompilationUnit unit : units) {
      unit.getTypes().forEach(t -> types.add(t.getNameAsString()));
      unit.findAll(EnumDeclaration.class).forEach(e -> enums.add(e.getNameAsString()));
    }
    return new RevisionModule(id, pkg, why, types, enums);
  }

  /** {@code path} relative to the working directory when inside it, else absolute. */
  static String label(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    return (absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString();
  }

  /**
   * Checks each module folder in {@code args}, prints every finding, and fails with a one-line
   * summary when there is any (as a {@link RevisionCheckFailure}, which has no stack trace).
   */
  public static void main(String[] args) {
    String summary = run(List.of(args), System.out);
    if (summary != null) {
      throw new RevisionCheckFailure(summary);
    }
  }

  /** Checks, prints the findings to {@code out}; returns the failure summary, or null. */
  static String run(List<String> moduleDirs, PrintStream out) {
    if (moduleDirs.isEmpty()) {
      return "usage: RevisionCheck MODULE_DIR...: the revision module folders to check";
    }
    List<Finding> all = new ArrayList<>();
    for (String dir : moduleDirs) {
      if (!Files.isDirectory(Path.of(dir))) {
        return "revision check: " + dir + " is not a folder (expected a revision module folder)";
      }
      try {
        all.addAll(new RevisionCheck().checkModule(Path.of(dir)));
      } catch (UncheckedIOException e) {
        return "revision check: " + e.getMessage();
      }
    }
    all.forEach(out::println);
    return all.isEmpty() ? null : summary(all, moduleDirs);
  }

  private static String summary(List<Finding> findings, List<String> dirs) {
    Map<String, Integer> byRule = new TreeMap<>();
    findings.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
    List<String> rules = byRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    List<String> where = dirs.stream().map(d -> label(Path.of(d))).toList();
    return "revision check: " + findings.size() + (findings.size() == 1 ? " finding" : " findings")
        + " (" + String.join(", ", rules) + ") in " + String.join(", ", where)
        + ": a revision uses only the SPI, the emulated kernel and java.lang basics";
  }
}
