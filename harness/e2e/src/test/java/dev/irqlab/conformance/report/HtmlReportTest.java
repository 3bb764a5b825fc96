package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Conformance;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.conformance.Suite;
import dev.irqlab.spi.RevisionLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The page of {@code ./irqlab matrix --format html}, on every revision, loaded in headless
 * Chromium and checked as rendered: at a phone's width (390 CSS pixels, its viewport meta tag
 * honoured) and at a desktop's. Two pages: the matrix as it is, each revision with the drivers
 * of its era, and the matrix with every revision on the v6.17-fix drivers, where cells are not as
 * declared. The pages and screenshots of them stay in {@code target/html-report}.
 *
 * <p>Skipped where Chromium is not installed; {@code .ci/run} installs it. If this test fails,
 * open the page in {@code target/html-report} at the width the failure names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportTest {
  private static final Path OUT = Path.of("target", "html-report");
  private static final int PHONE = 390;
  private static final int DESKTOP = 1280;

  /** A page: what it is called and the matrix it shows. */
  record Shown(String name, Matrix matrix) {
    Path file() {
      return OUT.resolve(name + ".html").toAbsolutePath();
    }
  }

  private final List<Shown> pages = new ArrayList<>();
  private final Optional<String> missing = Chromium.missing();
  private Chromium chromium;
  private Chromium.Page phone;
  private Chromium.Page desktop;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void render() throws IOException, InterruptedException {
    if (missing.isPresent()) {
      return;
    }
    pages.add(new Shown("matrix", new Conformance(Suite.standard()).run(RevisionLoader.load(), null)));
    pages.add(new Shown("matrix-v6.17-fix", new Conformance(Suite.standard()).run(RevisionLoader.load(), "v6.17-fix")));
    Files.createDirectories(OUT);
    for (Shown p : pages) {
      Files.writeString(p.file(), Format.HTML.render(p.matrix()), StandardCharsets.UTF_8);
    }
    chromium = Chromium.start(OUT.resolve("chromedriver.log"));
    phone = chromium.open(PHONE, 844, true);
    desktop = chromium.open(DESKTOP, 900, false);
  }

  @AfterAll
  void close() throws InterruptedException {
    if (chromium == null) {
      return;
    }
    try {
      for (Chromium.Page p : new Chromium.Page[] {phone, desktop}) {
        if (p != null) {
          p.close();
        }
      }
    } finally {
      chromium.close();
    }
  }

  /** Each test, rather than the class, is skipped, so that the reason shows in the build's test reports. */
  @BeforeEach
  void needsChromium() {
    assumeTrue(missing.isEmpty(), () -> "no headless browser: " + missing.orElseThrow());
  }

  /** The page with cells not as declared: without one, the checks of the links would check nothing. */
  @Test
  void onTheV617FixDriversSomeCellsAreNotAsDeclared() {
    assertTrue(Views.unexpected(pages.get(1).matrix()) > 0, "no cell not as declared: the links of the lead are not tested");
  }

  @Test
  void theCellsNotAsDeclaredComeFirstEachLinkedToItsCellAndItsReason() {
    for (Shown page : pages) {
      phone.go(page.file().toUri());
      JsonNode lead = phone.execute(Scripts.LEAD);
      assertEquals("lead, legend, matrix", lead.path("order").asText(), page.name());
      List<String> expected = new ArrayList<>();
      for (Column col : page.matrix().columns()) {
        for (Cell c : col.unexpected()) {
          expected.add(String.join(" | ", col.revision().id(), c.clause(), c.grade().mark(), summary(col, c)));
        }
      }
      assertEquals(expected, strings(lead.path("items")), page.name() + ": the lead's links, where they lead: header, row, mark, reason");
    }
  }

  @Test
  void theMarkOfEveryCellThatIsNotAPassLinksToItsReason() {
    for (Shown page : pages) {
      desktop.go(page.file().toUri());
      List<String> expected = new ArrayList<>();
      for (Column col : page.matrix().columns()) {
        col.cells().stream().filter(c -> c.grade() != Grade.PASS)
            .forEach(c -> expected.add(col.revision().id() + " " + c.clause() + ": " + summary(col, c)));
      }
      assertFalse(expected.isEmpty(), page.name());
      assertEquals(expected.stream().sorted().toList(), strings(desktop.execute(Scripts.REASONS)).stream().sorted().toList(), page.name());
    }
  }

  @Test
  void atAPhonesWidthOnlyTheTablesScrollSidewaysAndNoClauseIdWraps() throws IOException {
    for (Shown page : pages) {
      phone.go(page.file().toUri());
      Files.write(OUT.resolve(page.name() + "-" + PHONE + ".png"), phone.screenshot());
      JsonNode layout = phone.execute(Scripts.LAYOUT);
      assertEquals(PHONE, layout.path("viewport").asInt(), page.name() + ": the layout viewport: is the viewport meta tag there?");
      for (String state : List.of("closed", "open")) {
        JsonNode w = layout.path(state);
        assertTrue(w.get(0).asInt() <= w.get(1).asInt(), page.name() + " scrolls sideways with every <details> " + state
            + ": scrollWidth " + w.get(0) + " > clientWidth " + w.get(1));
      }
      assertTrue(layout.path("box").get(0).asInt() > layout.path("box").get(1).asInt(),
          page.name() + ": the matrix is wider than a phone, so it scrolls in its box");
      assertEquals(List.of(), strings(layout.path("wrapped")), page.name() + ": clause ids broken over two lines");
      assertEquals(page.matrix().clauses().size(), layout.path("rows").asInt(), page.name() + ": a row per clause");
    }
  }

  @Test
  void theHeaderRowStaysInViewWhileTheMatrixScrolls() throws IOException {
    for (Shown page : pages) {
      desktop.go(page.file().toUri());
      Files.write(OUT.resolve(page.name() + "-" + DESKTOP + ".png"), desktop.screenshot());
      JsonNode sticky = desktop.execute(Scripts.STICKY);
      assertTrue(sticky.path("scrolled").asDouble() > 100, page.name() + ": the matrix did not scroll: " + sticky);
      assertEquals(sticky.path("before").asDouble(), sticky.path("after").asDouble(), 0.5, page.name() + ": the header row moved: " + sticky);
    }
  }

  /** Enter on the lead's first links, on a phone: the cell, then the reason, come into view. */
  @Test
  void theLeadsLinksWorkFromTheKeyboard() {
    Shown page = pages.get(1);
    for (String link : List.of("#unexpected a.cell", "#unexpected a.why")) {
      phone.go(page.file().toUri());
      phone.pressEnter(link);
      JsonNode shown = phone.execute(Scripts.TARGET, link);
      assertEquals(shown.path("href").asText(), shown.path("hash").asText(), link);
      assertTrue(shown.path("visible").asBoolean(), link + " leads to what is out of view: " + shown);
    }
  }

  /** The text of the summary of the reason of {@code c}: revision, clause, mark and why. */
  private static String summary(Column col, Cell c) {
    return col.revision().id() + " " + c.clause() + " " + c.grade().mark() + ": " + HtmlCells.reason(c);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** What the tests run in the page, each a function body that returns what it measured. */
  private static final class Scripts {
    /** The lead section before the legend before the matrix, and where each of its items links to. */
    static final String LEAD = """
        const lead = document.getElementById('unexpected');
        const legend = document.querySelector('ul.legend');
        const table = document.querySelector('table.matrix');
        const before = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        const order = (lead === null || before(lead, legend)) && before(legend, table) ? 'lead, legend, matrix' : 'out of order';
        const target = a => a === null ? null : document.getElementById(a.getAttribute('href').slice(1));
        const items = lead === null ? [] : [...lead.querySelectorAll('li')].map(li => {
          const cell = target(li.querySelector('a.cell'));
          const why = target(li.querySelector('a.why'));
          const inMatrix = cell !== null && cell.tagName === 'TD' && cell.closest('table') === table;
          const summary = why !== null && why.tagName === 'DETAILS' ? why.querySelector(':scope > summary') : null;
          return [inMatrix ? table.tHead.rows[0].cells[cell.cellIndex].textContent : 'no cell',
                  inMatrix ? cell.parentElement.cells[0].textContent : 'no row',
                  inMatrix ? cell.textContent : 'no mark',
                  summary === null ? 'no reason' : summary.textContent].join(' | ');
        });
        return {order, items};
        """;

    /** Per cell of the matrix that is not a pass: its column, row, and the summary its mark links to. */
    static final String REASONS = """
        const table = document.querySelector('table.matrix');
        return [...table.querySelectorAll('td.grade:not(.PASS)')].filter(td => td.textContent !== '-').map(td => {
          const a = td.querySelector('a[href^="#"]');
          const why = a === null ? null : document.getElementById(a.getAttribute('href').slice(1));
          const summary = why !== null && why.tagName === 'DETAILS' ? why.querySelector(':scope > summary') : null;
          return table.tHead.rows[0].cells[td.cellIndex].textContent + ' ' + td.parentElement.cells[0].textContent + ': '
              + (summary === null ? 'no reason for ' + td.textContent : summary.textContent);
        });
        """;

    /** Widths after layout: the page's with its details closed and open, the matrix's box's; clause ids on two lines. */
    static final String LAYOUT = """
        const d = document.documentElement;
        const box = document.querySelector('table.matrix').parentElement;
        const closed = [d.scrollWidth, d.clientWidth];
        const shut = [...document.querySelectorAll('details')].filter(e => !e.open);
        shut.forEach(e => e.open = true);
        const open = [d.scrollWidth, d.clientWidth];
        const wrapped = [...document.querySelectorAll('.id')].filter(e => e.getClientRects().length !== 1).map(e => e.textContent);
        shut.forEach(e => e.open = false);
        return {viewport: d.clientWidth, closed, open, box: [box.scrollWidth, box.clientWidth], wrapped,
                rows: document.querySelectorAll('table.matrix th.clause .id').length};
        """;

    /** The header row's offset from the top of the matrix's box, before and after the box scrolls down. */
    static final String STICKY = """
        const table = document.querySelector('table.matrix');
        const box = table.parentElement;
        const head = table.tHead.rows[0].cells[1];
        const offset = () => head.getBoundingClientRect().top - box.getBoundingClientRect().top;
        const before = offset();
        box.scrollTop = box.scrollHeight;
        const scrolled = box.scrollTop;
        const after = offset();
        box.scrollTop = 0;
        return {before, scrolled, after};
        """;

    /** Where the link {@code arguments[0]} points, where the page is, and whether the target is in view, not covered. */
    static final String TARGET = """
        const href = document.querySelector(arguments[0]).getAttribute('href');
        const target = document.getElementById(href.slice(1));
        const r = target.getBoundingClientRect();
        const inView = r.width > 0 && r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
        const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + Math.min(r.bottom, innerHeight)) / 2);
        return {href, hash: location.hash, visible: inView && target.contains(hit), rect: [r.left, r.top, r.right, r.bottom]};
        """;
  }
}
