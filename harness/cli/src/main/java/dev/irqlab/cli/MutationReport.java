package dev.irqlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What PIT's {@code mutations.xml} says of one revision: every mutant, with its status, and the
 * counts and score made of them.
 *
 * @param mutants every mutant, by file, line and mutator
 */
record MutationReport(List<MutationReport.Mutant> mutants) {
  /**
   * The test that fuzzes a revision against its own class files ({@code
   * RevisionConformance#behavesAsItsClassFilesDoInAnotherJvm}). PIT runs the tests that reach a
   * mutant shortest first and stops at the first that fails; the suite's test takes well under
   * a second and the fuzzing one seconds, so a mutant this one killed is one the suite let through.
   */
  static final String FUZZ_TEST = "behavesAsItsClassFilesDoInAnotherJvm";

  /** PIT's statuses that count as found by the tests: the score's numerator. */
  private static final List<String> DETECTED = List.of("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR");

  /**
   * One mutant.
   *
   * @param file the source file, as PIT names it ({@code IrqBypassManager.java})
   * @param line its line
   * @param method the mutated method
   * @param mutator the mutator's short name ({@code RemoveConditionalMutator_EQUAL_ELSE})
   * @param description what the mutator changed, as PIT says it
   * @param status {@code KILLED}, {@code SURVIVED}, {@code NO_COVERAGE}, {@code TIMED_OUT}, ...
   * @param killingTest the test that killed it, as PIT names it, or empty
   */
  record Mutant(String file, int line, String method, String mutator, String description, String status, String killingTest) {
    boolean detected() {
      return DETECTED.contains(status);
    }

    /** Killed (or timed out) by the fuzzing test, after the suite's test let it through. */
    boolean byFuzzing() {
      return detected() && killingTest.contains(FUZZ_TEST);
    }
  }

  MutationReport {
    mutants = mutants.stream()
        .sorted(Comparator.comparing(Mutant::file).thenComparingInt(Mutant::line).thenComparing(Mutant::mutator)
            .thenComparing(Mutant::description))
        .toList();
  }

  /** Reads {@code mutations.xml}; a missing or unreadable file is a usage error saying how to make one. */
  static MutationReport read(Path xml, String howToMakeIt) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(Files.newInputStream(xml));
    } catch (NoSuchFileException e) {
      throw new UsageException("no mutation report at " + xml + ": " + howToMakeIt);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new UsageException("cannot read the mutation report " + xml + ": " + e.getMessage());
    }
    List<Mutant> out = new ArrayList<>();
    NodeList nodes = doc.getDocumentElement().getElementsByTagName("mutation");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element m = (Element) nodes.item(i);
      String mutator = text(m, "mutator");
      out.add(new Mutant(text(m, "sourceFile"), Integer.parseInt(text(m, "lineNumber")), text(m, "mutatedMethod"),
          mutator.substring(mutator.lastIndexOf('.') + 1), text(m, "description"), m.getAttribute("status"), text(m, "killingTest")));
    }
    return new MutationReport(out);
  }

  private static String text(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    Node n = l.getLength() == 0 ? null : l.item(0);
    return n == null ? "" : n.getTextContent().strip();
  }

  /** The mutants with {@code status} that the suite's own test found (not the fuzzing test). */
  long count(String status) {
    return mutants.stream().filter(m -> m.status().equals(status) && !m.byFuzzing()).count();
  }

  /** The mutants only the fuzzing test found, killed or timed out. */
  long byFuzzing() {
    return mutants.stream().filter(Mutant::byFuzzing).count();
  }

  long detected() {
    return mutants.stream().filter(Mutant::detected).count();
  }

  /** The mutants with {@code status} that the suite's own test found, in file and line order. */
  List<Mutant> with(String status) {
    return mutants.stream().filter(m -> m.status().equals(status) && !m.byFuzzing()).toList();
  }

  /** The mutants only the fuzzing test found, in file and line order. */
  List<Mutant> fuzzed() {
    return mutants.stream().filter(Mutant::byFuzzing).toList();
  }

  /** PIT's mutation score: the detected share of all mutants, in whole percent, as PIT rounds it. */
  int score() {
    return mutants.isEmpty() ? 0 : Math.round(100f * detected() / mutants.size());
  }

  String scoreText() {
    return String.format(Locale.ROOT, "%d%%", score());
  }
}
