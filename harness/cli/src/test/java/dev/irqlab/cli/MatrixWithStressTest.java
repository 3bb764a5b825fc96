package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.Views;
import dev.irqlab.spi.LoadedRevision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code irqlab matrix --with-stress} on a tiny stress (300 irqfds, 4 tasks): what it prints and
 * how it fails, not how fast.
 */
class MatrixWithStressTest {
  private static final String[] TINY = {
    "matrix", "--with-stress", "--revisions", "v6.16,v6.17", "--stress-irqfds", "300", "--stress-tasks", "4"
  };

  /** A duration as the stress prints it: {@code 314 ns}, {@code 47.6 us}, {@code 1.09 s}. */
  private static final String TIME = "[0-9.]+ (?:ns|us|ms|s)";

  private static String[] tiny(String... more) {
    String[] args = new String[TINY.length + more.length];
    System.arraycopy(TINY, 0, args, 0, TINY.length);
    System.arraycopy(more, 0, args, TINY.length, more.length);
    return args;
  }

  /** The matrix's own counts of {@code c}, as the combined table's row starts. */
  private static String counts(Column c, int idWidth) {
    return String.format(Locale.ROOT, "%-" + idWidth + "s %4d %5d %4d %5d  ", c.revision().id(), c.count(Grade.PASS),
        c.count(Grade.KNOWN), c.count(Grade.NA), c.unexpected().size());
  }

  @Test
  void theJsonHoldsTheMatrixsReportAndTheStresssWholeAndTheTableBothHalvesOfEachRevision() throws Exception {
    Cli.Run json = Cli.run(tiny("--format", "json"));
    JsonNode doc = JsonMapper.builder().build().readTree(json.out());
    assertEquals(MatrixWithStress.SCHEMA, doc.get("schema").asText());
    Matrix matrix = Reports.fromJson("matrix", doc.get("matrix").toString());
    assertEquals(List.of("v6.16", "v6.17"), matrix.columns().stream().map(c -> c.revision().id()).toList());
    assertEquals(MatrixCommand.exitCode(matrix), json.code(), "the matrix's exit status: " + json.err());
    JsonNode stress = doc.get("stress");
    assertEquals("irqlab-stress/2", stress.get("schema").asText());
    assertEquals(300, stress.get("irqfds").asInt());
    assertEquals(4, stress.get("threads").asInt());
    assertEquals(2, stress.get("results").size());
    assertEquals("v6.16", stress.get("results").get(0).get("revision").asText());

    Cli.Run text = Cli.run(TINY);
    assertEquals(MatrixCommand.exitCode(matrix), text.code(), text.err());
    Cli.fitsEightyColumns(text.out());
    int clauses = Suite.standard().clauses().size();
    assertTrue(text.out().startsWith("irqlab matrix: " + clauses + " clauses on 2 revisions, each with the drivers of its era\n"
        + "irqlab stress: 300 irqfds created by 4 tasks at once"), text.out());
    for (Column c : matrix.columns()) {
      Pattern row = Pattern.compile("(?m)^" + Pattern.quote(counts(c, "REVISION".length()))
          + " *" + TIME + " +" + TIME + " +" + TIME + " +[0-9]+\\.[0-9] +" + TIME + "$");
      assertTrue(row.matcher(text.out()).find(), c.revision().id() + "'s cells beside its stress in\n" + text.out());
    }
    assertTrue(text.out().endsWith("\n" + Views.verdict(matrix) + "\n"), text.out());
  }

  @Test
  void withNoRevisionNamedTheEarlierPatchesOfASeriesAreNotStressedAndSaySo() throws Exception {
    List<LoadedRevision> columns = Revisions.load().select(List.of("v6.17-7", "v6.17"));
    StressRows stress = new StressRows(2, 10);
    List<LoadedRevision> stressed = stress.choose(columns, false);
    assertEquals(List.of("v6.17"), stressed.stream().map(LoadedRevision::id).toList());
    stress.run(stressed, new PrintWriter(new StringWriter()), false);
    Matrix m = new Conformance(MatrixCommand.suite(List.of("ERR-02"))).run(columns, null);
    String text = MatrixWithStress.text(m, stress);
    Cli.fitsEightyColumns(text);
    assertTrue(text.contains("\n" + counts(m.columns().get(0), "REVISION".length())
        + "      -       -       -         -       -\n"), text);
    assertTrue(text.contains("\nv6.17-7: not stressed: with no revision named, a patch series is stressed\n"), text);
  }

  @Test
  void aBadStressOptionIsAUsageErrorBeforeAnyRun() {
    Cli.run("matrix", "--with-stress", "--revisions", "v6.16,v6.17", "--stress-irqfds", "0", "--stress-tasks", "4")
        .assertUsageError("--stress-irqfds must be at least one per task (--stress-tasks 4), not 0: see 'irqlab matrix --help'");
    Cli.run("matrix", "--with-stress", "--stress-tasks", "0")
        .assertUsageError("--stress-tasks must be at least 1, not 0: see 'irqlab matrix --help'");
    Cli.run("matrix", "--stress-irqfds", "300")
        .assertUsageError("--stress-irqfds needs --with-stress: see 'irqlab matrix --help'");
    Cli.run(tiny("--format", "html"))
        .assertUsageError("--with-stress shows text or json, not html: see 'irqlab matrix --help'");
    Cli.run(tiny("--era", "v6.17")).assertUsageError("--with-stress and --era do not go together: the stress runs each"
        + " revision with the drivers of its own era: see 'irqlab matrix --help'");
  }
}
