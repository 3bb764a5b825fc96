package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.scaffold.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab mutation} on a small mutations.xml in PIT's shape, against v6.16's real sources. */
class MutationCommandTest {
  @TempDir Path dir;

  private static String mutant(String status, int line, String mutator, String description) {
    return mutant(status, line, mutator, description, "");
  }

  private static String mutant(String status, int line, String mutator, String description, String killer) {
    return "<mutation detected='" + !status.equals("SURVIVED") + "' status='" + status + "' numberOfTestsRun='1'>"
        + "<sourceFile>IrqBypassManager.java</sourceFile><mutatedClass>dev.irqlab.rev.v6_16.IrqBypassManager</mutatedClass>"
        + "<mutatedMethod>connect</mutatedMethod><methodDescription>()I</methodDescription><lineNumber>" + line + "</lineNumber>"
        + "<mutator>org.pitest.mutationtest.engine.gregor.mutators." + mutator + "</mutator><indexes><index>1</index></indexes>"
        + "<blocks><block>1</block></blocks>" + (killer.isEmpty() ? "<killingTest/>" : "<killingTest>" + killer + "</killingTest>")
        + "<description>" + description + "</description></mutation>\n";
  }

  private Path report() throws IOException {
    Path xml = dir.resolve("mutations.xml");
    Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"true\">\n"
        + mutant("KILLED", 3, "NullReturnValsMutator", "replaced return value with null")
        + mutant("TIMED_OUT", 4, "RemoveConditionalMutator_EQUAL_ELSE", "removed conditional")
        + mutant("SURVIVED", 2, "VoidMethodCallMutator", "removed call to dev/irqlab/kernel/Mutex::assertHeld")
        + mutant("NO_COVERAGE", 1, "VoidMethodCallMutator", "removed call to somewhere")
        + "</mutations>\n", StandardCharsets.UTF_8);
    return xml;
  }

  @Test
  void countsTheStatusesScoresLikePitAndShowsEachSurvivorAsASmallDiff() throws IOException {
    Cli.Run r = Cli.run("mutation", "v6.16", "--report", report().toString());
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("  mutants                    4  made of the revision's own classes"), r.out());
    assertTrue(lines.contains("  killed                     1  by the suite"), r.out());
    assertTrue(lines.contains("  killed only by fuzzing     0  none (or the run left fuzzing out)"), r.out());
    assertTrue(lines.contains("  score                    50%  (killed + timed out) / mutants"), r.out());
    String second = Files.readAllLines(Checkout.find(null, Path.of("")).sources("v6.16").resolve("IrqBypassManager.java")).get(1);
    int at = lines.indexOf("--- IrqBypassManager.java:2 connect");
    assertEquals(List.of("- " + second.strip(), "+ (removed call to dev/irqlab/kernel/Mutex::assertHeld)"), lines.subList(at + 1, at + 3));
    assertTrue(lines.indexOf("survived") < at && at < lines.indexOf("no coverage"), r.out());
    Cli.fitsEightyColumns(r.out().lines().filter(l -> !l.startsWith("- ")).reduce("", (a, b) -> a + b + "\n"));
  }

  @Test
  void markdownIsATableRowForDocsMutationMd() throws IOException {
    Cli.Run r = Cli.run("mutation", "v6.16", "--report", report().toString(), "--format", "markdown");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().lines().toList().contains("| v6.16 | 4 | 1 | 0 | 1 | 1 | 1 | 50% |"), r.out());
  }

  /** PIT names the test that killed a mutant; the fuzzing test's kills are the suite's misses. */
  @Test
  void whatTheFuzzingTestKilledIsCountedAndListedApart() throws IOException {
    String fuzz = "dev.irqlab.rev.v6_16.ConformanceTest.[engine:junit-jupiter]/[class:dev.irqlab.rev.v6_16.ConformanceTest]"
        + "/[method:dev.irqlab.conformance.junit.RevisionConformance#behavesAsItsClassFilesDoInAnotherJvm()]";
    String suite = "dev.irqlab.rev.v6_16.ConformanceTest.[engine:junit-jupiter]/[class:dev.irqlab.rev.v6_16.ConformanceTest]"
        + "/[method:dev.irqlab.conformance.junit.RevisionConformance#everyClauseGradesAsDeclared()]";
    Path xml = dir.resolve("fuzzed.xml");
    Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"true\">\n"
        + mutant("KILLED", 3, "NullReturnValsMutator", "replaced return value with null", suite)
        + mutant("KILLED", 4, "RemoveConditionalMutator_EQUAL_ELSE", "removed conditional", fuzz)
        + mutant("TIMED_OUT", 5, "RemoveConditionalMutator_EQUAL_IF", "removed conditional", fuzz)
        + mutant("SURVIVED", 2, "VoidMethodCallMutator", "removed call to dev/irqlab/kernel/Mutex::assertHeld")
        + "</mutations>\n", StandardCharsets.UTF_8);
    Cli.Run r = Cli.run("mutation", "v6.16", "--report", xml.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("  killed                     1  by the suite"), r.out());
    assertTrue(lines.contains("  killed only by fuzzing     2  the suite let them through; random scenarios did not"), r.out());
    assertTrue(lines.contains("  timed out                  0  counted as killed"), r.out());
    assertTrue(lines.contains("  score                    75%  (killed + timed out) / mutants"), r.out());
    assertTrue(lines.indexOf("killed only by fuzzing (a clause could read what they change)") < lines.indexOf("--- IrqBypassManager.java:4 connect"), r.out());
    Cli.Run md = Cli.run("mutation", "v6.16", "--report", xml.toString(), "--format", "markdown");
    assertTrue(md.out().lines().toList().contains("| v6.16 | 4 | 1 | 2 | 1 | 0 | 0 | 75% |"), md.out());
  }

  @Test
  void noReportIsAUsageErrorThatSaysHowToMakeOne() {
    Path missing = dir.resolve("none.xml");
    Cli.run("mutation", "v6.16", "--report", missing.toString()).assertUsageError("no mutation report at " + missing
        + ": run ./mvnw -B -Pmutation -pl revisions/v6.16 -am verify -Dtest=ConformanceTest -Dsurefire.failIfNoSpecifiedTests=false");
  }
}
