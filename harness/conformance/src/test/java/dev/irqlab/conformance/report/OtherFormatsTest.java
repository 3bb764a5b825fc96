package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Markdown, KTAP and HTML. */
class OtherFormatsTest {
  @Test
  void markdownIsOneTableWhoseRowsAllHaveTheHeadersCellCount() {
    List<String> lines = MarkdownMatrix.render(Fixtures.matrix()).lines().toList();
    int head = lines.indexOf("| Clause | `rfc-2015` | `v6.16` | `xarray-v2-2023` | `cleanup-v1-2025` | Statement |");
    assertTrue(head >= 0, String.join("\n", lines));
    assertEquals("|---|---|---|---|---|---|", lines.get(head + 1));
    int rows = 0;
    for (String l : lines.subList(head + 2, lines.size())) {
      if (!l.startsWith("|")) {
        break;
      }
      assertEquals(7, l.replace("\\|", "").chars().filter(c -> c == '|').count(), l);
      rows++;
    }
    assertEquals(4 + 4, rows, "a row per category and per clause");
    assertTrue(lines.contains("| REG-01 | pass | pass | pass | **FAIL** | A producer registered with a free token is registered once. |"));
    assertTrue(lines.contains("| **error paths** |  |  |  |  |  |"), String.join("\n", lines));
  }

  @Test
  void markdownHasTheLegendTheRevisionsAndTheUnexpectedCells() {
    String md = MarkdownMatrix.render(Fixtures.matrix());
    assertTrue(md.contains("- `known`: fails, as the revision declares"), md);
    assertTrue(md.contains("| `xarray-v2-2023` | rejected | 2023-08-02 | `xarray-v1-2023` | v6.5 | 3 pass, 1 known, 0 n/a, 0 unexpected |"), md);
    assertTrue(md.contains("- `cleanup-v1-2025` LOCK-01 **STALE**: declares"), md);
    assertTrue(md.contains("\\<script\\>alert('x')\\</script\\> \\| \\*bold\\*"), "escaped: " + md);
    assertFalse(md.contains("<script>"), md);
  }

  /** A KTAP test read back: its plan, its result lines and its subtests. */
  private record Ktap(int plan, List<String> results, List<Ktap> subtests) {}

  private static final Pattern RESULT = Pattern.compile("(ok|not ok) ([0-9]+) ([^#]+?)( # (SKIP|XFAIL) (.+))?");

  /** Reads KTAP version 1 strictly: version line, plan, results numbered from 1, subtests indented by two. */
  private static final class KtapReader {
    private final List<String> lines;
    private int i;

    KtapReader(List<String> lines) {
      this.lines = lines;
    }

    Ktap test(int depth) {
      String pad = "  ".repeat(depth);
      assertEquals(pad + "KTAP version 1", lines.get(i++));
      while (lines.get(i).startsWith(pad + "#")) {
        i++;
      }
      Matcher plan = Pattern.compile(Pattern.quote(pad) + "1\\.\\.([0-9]+)").matcher(lines.get(i++));
      assertTrue(plan.matches(), "a plan after the version line: " + lines.get(i - 1));
      List<String> results = new ArrayList<>();
      List<Ktap> subtests = new ArrayList<>();
      while (i < lines.size()) {
        String line = lines.get(i);
        if (line.equals(pad + "  KTAP version 1")) {
          subtests.add(test(depth + 1));
          continue;
        }
        if (!line.startsWith(pad) || line.charAt(pad.length()) == ' ') {
          break;
        }
        i++;
        String l = line.substring(pad.length());
        if (l.startsWith("#")) {
          continue;
        }
        Matcher m = RESULT.matcher(l);
        assertTrue(m.matches(), "not a KTAP result line: " + line);
        assertEquals(results.size() + 1, Integer.parseInt(m.group(2)), "numbered in order: " + line);
        results.add(l);
      }
      assertEquals(Integer.parseInt(plan.group(1)), results.size(), "the plan counts the results");
      return new Ktap(Integer.parseInt(plan.group(1)), results, subtests);
    }
  }

  @Test
  void ktapHasOneTestPerRevisionAndOneSubtestPerClauseWithMatchingPlans() {
    String ktap = KtapMatrix.render(Fixtures.matrix());
    List<String> lines = ktap.lines().toList();
    KtapReader reader = new KtapReader(lines);
    Ktap top = reader.test(0);
    assertEquals(lines.size(), reader.i, "nothing after the last result but diagnostics");
    assertEquals(KtapMatrix.totals(Fixtures.matrix()), lines.get(lines.size() - 1));
    assertTrue(lines.get(lines.size() - 1).matches("# Totals: pass:\\d+ fail:[1-9]\\d* xfail:[1-9]\\d* xpass:0 skip:[1-9]\\d* error:0"), ktap);
    assertEquals(4, top.plan());
    assertEquals(List.of("ok 1 rfc-2015", "ok 2 v6.16", "ok 3 xarray-v2-2023", "not ok 4 cleanup-v1-2025"), top.results());
    assertEquals(4, top.subtests().size());
    for (Ktap t : top.subtests()) {
      assertEquals(4, t.plan());
      assertTrue(t.subtests().isEmpty());
    }
    assertEquals("ok 2 ERR-02 # SKIP needs connect callbacks that can fail: void add_producer", top.subtests().get(0).results().get(1));
    assertEquals("ok 2 ERR-02 # XFAIL A failed connect leaves the producer stored.", top.subtests().get(2).results().get(1));
    assertEquals("not ok 1 REG-01", top.subtests().get(3).results().get(0));
    assertEquals("not ok 3 LOCK-01", top.subtests().get(3).results().get(2));
    assertTrue(lines.contains("  # LOCK-01: STALE: declares \"Holds the mutex on return.\", but the clause holds"), ktap);
    assertTrue(lines.contains("  # Subtest: xarray-v2-2023"), ktap);
  }

  @Test
  void htmlIsOneSelfContainedPageWithEverythingEscaped() {
    String html = HtmlMatrix.render(Fixtures.matrix());
    assertTrue(html.startsWith("<!DOCTYPE html>\n"), html);
    assertTrue(html.contains("<style>"), html);
    for (String external : List.of("<script", "<link", "src=", "@import", "url(", "<iframe", "javascript:alert(1)\"")) {
      assertFalse(html.contains(external), "not self-contained or not escaped: " + external);
    }
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | *bold* &amp; &quot;quoted&quot;"), html);
    assertTrue(html.contains("bad: javascript:alert(1)"), "a non-http link stays text");
    assertTrue(html.contains("<a href=\"https://lore.kernel.org/all/x/\">NAK</a>"), html);
    assertTrue(html.contains("<td class=\"grade FAIL\" id=\"cell-D-REG-01\" title=\"irq_bypass_register_producer returned -EBUSY"), html);
    assertTrue(html.contains("<td class=\"grade KNOWN\" id=\"cell-C-ERR-02\" title=\"A failed connect leaves the producer stored."), html);
    assertTrue(html.contains("<tr class=\"category\"><th colspan=\"6\"><span>error paths</span></th></tr>"), html);
    assertTrue(html.contains("<details id=\"ERR-02\"><summary><b><span class=\"id\">ERR-02</span></b> A registration whose connect fails"), html);
    assertEquals(html.length() - html.replace("<tr><th class=\"clause\">", "").length(), 4 * "<tr><th class=\"clause\">".length(),
        "one row per clause");
  }

  @Test
  void htmlLeadsWithTheCellsNotAsDeclaredEachLinkedToItsCellAndItsReason() {
    String html = HtmlMatrix.render(Fixtures.matrix());
    assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), html);
    int unexpected = html.indexOf("<section id=\"unexpected\">");
    assertTrue(unexpected > 0 && unexpected < html.indexOf("<ul class=\"legend\">")
        && html.indexOf("<ul class=\"legend\">") < html.indexOf("<table class=\"matrix\">"), "unexpected, legend, matrix: " + html);
    String lead = html.substring(unexpected, html.indexOf("</section>", unexpected));
    assertEquals(List.of("cell-D-REG-01", "why-D-REG-01", "cell-D-LOCK-01", "why-D-LOCK-01"), hrefs(lead), lead);
    assertTrue(lead.contains("<code>cleanup-v1-2025</code> <span class=\"id\">LOCK-01</span></a> <span class=\"STALE\">STALE</span>: "
        + "declares &quot;Holds the mutex on return.&quot;, but the clause holds"), lead);
    Set<String> ids = new HashSet<>();
    Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    while (id.find()) {
      assertTrue(ids.add(id.group(1)), "id twice: " + id.group(1));
    }
    for (String href : hrefs(html)) {
      assertTrue(ids.contains(href), "a link to no anchor: #" + href);
    }
    assertTrue(ids.contains("trace-D-REG-01-connect-fails"), "the FAIL cell's clause reads connect-fails: its trace is there");
    assertTrue(html.contains("<td class=\"grade NA\" id=\"cell-A-ERR-02\" title=\"needs connect callbacks that can fail: void add_producer\">"
        + "<a href=\"#why-A-ERR-02\">n/a</a></td>"), "the mark links to the reason");
    assertTrue(html.contains("<details id=\"why-A-ERR-02\"><summary><code>rfc-2015</code> <span class=\"id\">ERR-02</span> "
        + "<span class=\"NA\">n/a</span>: needs connect callbacks that can fail: void add_producer</summary>"), html);
  }

  @Test
  void htmlWithEveryCellAsDeclaredHasNoLeadSectionAndIsTheSameEveryTime() {
    String html = HtmlMatrix.render(Fixtures.asDeclared());
    assertFalse(html.contains("id=\"unexpected\""), html);
    assertTrue(html.contains("All 8 cells as declared."), html);
    // the tests run under a Turkish default locale (pom.xml)
    assertEquals(HtmlMatrix.render(Fixtures.matrix()), HtmlMatrix.render(Fixtures.matrix()));
    assertEquals(html, HtmlMatrix.render(Fixtures.asDeclared()));
  }

  /** The fragments of the page's links to anchors of its own, in order. */
  private static List<String> hrefs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void junitXmlHasOneSuitePerRevisionAndACaseNamedByRevisionAndClause() throws Exception {
    String xml = JunitMatrix.render(Fixtures.matrix());
    org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    org.w3c.dom.NodeList suites = d.getElementsByTagName("testsuite");
    assertEquals(4, suites.getLength());
    assertEquals("cleanup-v1-2025", ((org.w3c.dom.Element) suites.item(3)).getAttribute("name"));
    org.w3c.dom.NodeList cases = d.getElementsByTagName("testcase");
    assertEquals(16, cases.getLength());
    assertEquals("rfc-2015 REG-01", ((org.w3c.dom.Element) cases.item(0)).getAttribute("name"));
    org.w3c.dom.Element root = d.getDocumentElement();
    assertEquals(Integer.toString(d.getElementsByTagName("failure").getLength()), root.getAttribute("failures"));
    assertEquals(Integer.toString(d.getElementsByTagName("skipped").getLength()), root.getAttribute("skipped"));
    assertTrue(xml.contains("known deviation: A failed connect leaves the producer stored."), xml);
    assertTrue(d.getElementsByTagName("failure").getLength() > 0, "cleanup-v1-2025's FAIL and STALE cells are failures");
  }

  @Test
  void everyFormatHasANameAndRendersTheMatrix() {
    for (Format f : Format.values()) {
      assertEquals(f, Format.of(f.id()));
      String out = f.render(Fixtures.matrix());
      assertTrue(out.contains("cleanup-v1-2025") && out.endsWith("\n"), f.id());
    }
    assertEquals(Format.HTML, Format.of("HTML"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.of("pdf"));
    assertEquals("unknown format 'pdf': expected one of text, markdown, json, ktap, html, junit", e.getMessage());
  }
}
