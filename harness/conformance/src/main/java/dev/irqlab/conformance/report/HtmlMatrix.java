package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import dev.irqlab.spi.Link;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matrix as one self-contained HTML page: inline CSS, no script, nothing fetched. It leads
 * with the cells not as declared (FAIL and STALE), each linked to its cell in the matrix and to
 * its reason and traces; then the legend and the matrix, whose header row stays in view while
 * it scrolls and whose cells link to their reasons; then every cell that is not a pass with its
 * reason ({@link HtmlCells}), the revisions, and each clause with its rationale and sources.
 * Every text is escaped; only http and https links become links. The page fits a phone's
 * width: the tables scroll sideways in boxes of their own, the page does not.
 */
public final class HtmlMatrix {
  private static final String CSS = String.join("\n",
      "*,*::before,*::after{box-sizing:border-box}",
      "body{font:14px/1.4 system-ui,sans-serif;margin:1em;color:#222;overflow-wrap:anywhere}",
      "h1{font-size:1.5em}",
      ".scroll{overflow:auto;max-height:90vh;margin:1em 0;border:1px solid #ccc}",
      "table{border-collapse:separate;border-spacing:0}",
      "th,td{border:solid #ccc;border-width:0 1px 1px 0;padding:2px 6px;text-align:left;vertical-align:top;"
          + "overflow-wrap:normal;background:#fff}",
      "thead th{position:sticky;top:0;z-index:2;background:#f0f0f0}",
      "table.matrix th.clause{position:sticky;left:0;z-index:1}",
      "table.matrix thead th:first-child{left:0;z-index:3}",
      "tr.category th{background:#e8e8f4;font-weight:bold}",
      "tr.category span{position:sticky;left:6px}",
      "td.grade{text-align:center;font-family:monospace;white-space:nowrap}",
      "td.grade a{color:inherit}",
      "table.matrix td{scroll-margin:4em 0 0 7em}",
      "td.statement{min-width:18em}",
      ".id{white-space:nowrap}",
      ".PASS{background:#d9f2d9}",
      ".NA{background:#eeeeee;color:#666}",
      ".KNOWN{background:#fff2cc}",
      ".FAIL,.STALE{background:#f4c7c3;font-weight:bold}",
      "#unexpected li{margin:.3em 0}",
      "code{font-family:monospace}",
      "pre{overflow-x:auto;overflow-wrap:normal;background:#f6f6f6;padding:.5em;margin:.3em 0}",
      "details{margin:.3em 0}",
      "details details{margin-left:1em}",
      ":target{outline:2px solid #1a5fb4}");

  private HtmlMatrix() {}

  public static String render(Matrix m) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>irqlab conformance matrix</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
    out.append("<h1>irqlab conformance matrix</h1>\n");
    out.append("<p>").append(esc(Views.headline(m))).append(". ").append(esc(Views.verdict(m))).append("</p>\n");
    unexpected(m, out);
    legend(m, out);
    matrix(m, out);
    HtmlCells.reasons(m, out);
    revisions(m, out);
    clauses(m, out);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  /** The cells not as declared, as the text matrix lists them, each linked to its cell and its reason. */
  private static void unexpected(Matrix m, StringBuilder out) {
    if (Views.unexpected(m) == 0) {
      return;
    }
    out.append("<section id=\"unexpected\">\n<h2>Not as declared</h2>\n<ul>\n");
    for (int i = 0; i < m.columns().size(); i++) {
      Column col = m.columns().get(i);
      for (Cell c : col.unexpected()) {
        out.append("<li><a class=\"cell\" href=\"#").append(cellId(i, c.clause())).append("\"><code>").append(esc(col.revision().id()))
            .append("</code> ").append(clauseId(c.clause())).append("</a> ").append(mark(c.grade())).append(": ")
            .append(esc(Views.why(c))).append(" <a class=\"why\" href=\"#").append(HtmlCells.whyId(i, c.clause()))
            .append("\">details</a></li>\n");
      }
    }
    out.append("</ul>\n</section>\n");
  }

  private static void legend(Matrix m, StringBuilder out) {
    out.append("<ul class=\"legend\">\n");
    Views.MEANING.forEach((g, meaning) -> out.append("<li>").append(mark(g)).append(": ").append(esc(meaning)).append("</li>\n"));
    if (Views.anyMissing(m)) {
      out.append("<li><span>-</span>: no such cell: the revision was not graded on the clause</li>\n");
    }
    out.append("</ul>\n");
  }

  private static void matrix(Matrix m, StringBuilder out) {
    out.append("<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr><th>Clause</th>");
    for (int i = 0; i < m.columns().size(); i++) {
      Column.RevisionSummary r = m.columns().get(i).revision();
      out.append("<th title=\"").append(esc(r.title() + " (" + r.status() + ", " + r.date() + "; drivers " + r.era() + ")"))
          .append("\"><a href=\"#").append(revisionId(i)).append("\">").append(esc(r.id())).append("</a></th>");
    }
    out.append("<th>Statement</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, List<Matrix.ClauseInfo>> group : Views.byCategory(m).entrySet()) {
      out.append("<tr class=\"category\"><th colspan=\"").append(m.columns().size() + 2).append("\"><span>")
          .append(esc(group.getKey())).append("</span></th></tr>\n");
      for (Matrix.ClauseInfo clause : group.getValue()) {
        out.append("<tr><th class=\"clause\"><a href=\"#").append(esc(clause.id())).append("\">").append(clauseId(clause.id()))
            .append("</a></th>");
        for (int i = 0; i < m.columns().size(); i++) {
          cell(i, clause.id(), Views.cell(m.columns().get(i), clause.id()), out);
        }
        out.append("<td class=\"statement\">").append(esc(clause.statement())).append("</td></tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n</div>\n");
  }

  /** A cell: its mark, which links to its reason unless it is a pass; the reason as a tooltip too. */
  private static void cell(int column, String clause, Cell cell, StringBuilder out) {
    if (cell == null) {
      out.append("<td class=\"grade\">-</td>");
      return;
    }
    out.append("<td class=\"grade ").append(cell.grade().name()).append("\" id=\"").append(cellId(column, clause)).append("\"");
    if (cell.grade() == Grade.PASS) {
      out.append(">").append(esc(cell.grade().mark())).append("</td>");
      return;
    }
    out.append(" title=\"").append(esc(HtmlCells.reason(cell))).append("\"><a href=\"#").append(HtmlCells.whyId(column, clause))
        .append("\">").append(esc(cell.grade().mark())).append("</a></td>");
  }

  private static void revisions(Matrix m, StringBuilder out) {
    out.append("<h2>Revisions</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th>Revision</th><th>Title</th><th>Status</th>")
        .append("<th>Date</th><th>Parent</th><th>Drivers</th><th>Cells</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < m.columns().size(); i++) {
      Column c = m.columns().get(i);
      Column.RevisionSummary r = c.revision();
      out.append("<tr id=\"").append(revisionId(i)).append("\"><td><code>").append(esc(r.id())).append("</code></td><td>")
          .append(esc(r.title())).append("</td><td>").append(esc(r.status())).append("</td><td class=\"id\">").append(esc(r.date()))
          .append("</td><td>").append(esc(r.parent() == null ? "-" : r.parent())).append("</td><td>").append(esc(r.era()))
          .append("</td><td>").append(esc(Views.counts(c))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</div>\n");
  }

  private static void clauses(Matrix m, StringBuilder out) {
    out.append("<h2>Clauses</h2>\n");
    for (Matrix.ClauseInfo c : m.clauses()) {
      out.append("<details id=\"").append(esc(c.id())).append("\"><summary><b>").append(clauseId(c.id())).append("</b> ")
          .append(esc(c.statement())).append("</summary>\n<p>").append(esc(c.rationale())).append("</p>\n<ul>\n");
      c.sources().forEach(s -> out.append("<li>").append(link(s)).append("</li>\n"));
      out.append("</ul>\n<p>Scenarios: ").append(esc(String.join(", ", c.scenarios()))).append("</p>\n</details>\n");
    }
  }

  /** The anchor of the cell of {@code clause} in column {@code column}: {@code cell-H-ERR-02}. */
  static String cellId(int column, String clause) {
    return "cell-" + Views.key(column) + "-" + esc(clause);
  }

  /** The anchor of column {@code column}'s row in the table of revisions: {@code revision-H}. */
  private static String revisionId(int column) {
    return "revision-" + Views.key(column);
  }

  /** A clause id that never breaks at its hyphen. */
  static String clauseId(String id) {
    return "<span class=\"id\">" + esc(id) + "</span>";
  }

  /** A grade's mark, coloured as in the matrix. */
  static String mark(Grade g) {
    return "<span class=\"" + g.name() + "\">" + esc(g.mark()) + "</span>";
  }

  /** A link when the URL is http or https, else the label and the URL as text. */
  static String link(Link l) {
    String url = l.url().strip();
    String scheme = url.toLowerCase(Locale.ROOT);
    if (scheme.startsWith("https://") || scheme.startsWith("http://")) {
      return "<a href=\"" + esc(url) + "\">" + esc(l.label()) + "</a>";
    }
    return esc(l.label() + ": " + url);
  }

  /** Text safe in HTML content and in a quoted attribute. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
