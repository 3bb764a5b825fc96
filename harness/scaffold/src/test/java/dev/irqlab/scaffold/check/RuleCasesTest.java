package dev.irqlab.scaffold.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule against its case files (as Error Prone's bug patterns are tested): {@code
 * check/<Rule>PositiveCases.java} marks every line the check must report with {@code // BUG:
 * rule-id[, rule-id...]}, and the check must report exactly those (line, rule) pairs, at least one
 * of them the rule's own; {@code check/<Rule>NegativeCases.java} must yield nothing at all.
 */
class RuleCasesTest {
  private static final Pattern BUG = Pattern.compile("//\\s*BUG:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)");

  static Stream<String> ruleIds() {
    return RevisionCheck.RULES.stream().map(RevisionRule::id);
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void positiveCasesAreReportedExactlyWhereMarked(String ruleId) throws IOException {
    String file = caseFile(ruleId, "PositiveCases");
    String text = resource(file);
    List<Finding> findings = new RevisionCheck().checkSources("cases", Map.of(file, text));

    Set<String> expected = markedLines(text);
    Set<String> reported =
        findings.stream()
            .map(f -> key(f.line(), f.rule()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, reported, () -> file + " reported:\n" + lines(findings));
    assertTrue(
        findings.stream().anyMatch(f -> f.rule().equals(ruleId)),
        () -> file + " has no case of " + ruleId);
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void negativeCasesAreClean(String ruleId) throws IOException {
    String file = caseFile(ruleId, "NegativeCases");
    List<Finding> findings =
        new RevisionCheck().checkSources("cases", Map.of(file, resource(file)));
    assertEquals(List.of(), findings, () -> file + " reported:\n" + lines(findings));
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void everyFindingNamesItsFileLineAndRule(String ruleId) throws IOException {
    String file = caseFile(ruleId, "PositiveCases");
    for (Finding f : new RevisionCheck().checkSources("cases", Map.of(file, resource(file)))) {
      String printed = f.toString();
      assertTrue(
          printed.startsWith(file + ":" + f.line() + ":" + f.column() + ": [" + f.rule() + "] "),
          printed);
    }
  }

  /** {@code no-static-mutable-state} becomes {@code NoStaticMutableStatePositiveCases.java}. */
  static String caseFile(String ruleId, String kind) {
    String camel =
        Arrays.stream(ruleId.split("-"))
            .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
            .collect(Collectors.joining());
    return camel + kind + ".java";
  }

  private static Set<String> markedLines(String text) {
    Set<String> marked = new TreeSet<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = BUG.matcher(lines.get(i));
      if (m.find()) {
        for (String rule : m.group(1).split("\\s*,\\s*")) {
          marked.add(key(i + 1, rule));
        }
      }
    }
    return marked;
  }

  /** "  12 no-collections": sorts by line. */
  private static String key(int line, String rule) {
    return String.format(Locale.ROOT, "%4d %s", line, rule);
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = RuleCasesTest.class.getResourceAsStream("/check/" + file)) {
      assertNotNull(in, "missing test resource check/" + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String lines(List<Finding> findings) {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }
}
