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
 * The matrix as one self-contained HTML page: inline CSS, no script, nothing fetched. Cells are
 * coloured by grade and carry their detail as a tooltip; below the matrix, every cell that is
 * not a pass with its detail and declared deviation, the revisions, and each clause with its
 * rationale and sources. Every text is escaped; only http and https links become links.
 */
public final class HtmlMatrix {
  private static final String CSS = String.join("\n",
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}",
      "table{border-collapse:collapse;margin:1em 0}",
      "th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}",
      "thead th{background:#f0f0f0}",
      "tr.category th{background:#e8e8f4;font-weight:bold}",
      "td.grade{text-align:center;font-family:monospace}",
      ".PASS{background:#d9f2d9}",
      ".NA{background:#eeeeee;color:#666}",
      ".KNOWN{background:#fff2cc}",
      ".FAIL,.STALE{background:#f4c7c3;font-weight:bold}",
      "code{font-family:monospace}",
      "details{margin:.3em 0}");

  private HtmlMatrix() {}

  public static String render(Matrix m) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>irqlab conformance matrix</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
    out.append("<h1>irqlab conformance matrix</h1>\n");
    out.append("<p>").append(esc(Views.headline(m))).append(". ").append(esc(Views.verdict(m))).append("</p>\n");
    matrix(m, out);
    legend(out);
    details(m, out);
    revisions(m, out);
    clauses(m, out);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void matrix(Matrix m, StringBuilder out) {
    out.append("<table class=\"matrix\">\n<thead><tr><th>Clause</th>");
    for (Column c : m.columns()) {
      Column.RevisionSummary r = c.revision();
      out.append("<th title=\"").append(esc(r.title() + " (" + r.status() + ", " + r.date() + "; drivers " + r.era() + ")"))
          .append("\">").append(esc(r.id())).append("</th>");
    }
    out.append("<th>Statement</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, List<Matrix.ClauseInfo>> group : Views.byCategory(m).entrySet()) {
      out.append("<tr class=\"category\"><th colspan=\"").append(m.columns().size() + 2).append("\">")
          .append(esc(group.getKey())).append("</th></tr>\n");
      for (Matrix.ClauseInfo clause : group.getValue()) {
        out.append("<tr><th><a href=\"#").append(esc(clause.id())).append("\">").append(esc(clause.id())).append("</a></th>");
        for (Column c : m.columns()) {
          Cell cell = Views.cell(c, clause.id());
          if (cell == null) {
            out.append("<td class=\"grade\">-</td>");
            continue;
          }
          out.append("<td class=\"grade ").append(cell.grade().name()).append("\" title=\"").append(esc(tooltip(cell))).append("\">")
              .append(esc(cell.grade().mark())).append("</td>");
        }
        out.append("<td>").append(esc(clause.statement())).append("</td></tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n");
  }

  private static String tooltip(Cell c) {
    if (c.grade() == Grade.PASS) {
      return "pass";
    }
    if (c.grade() == Grade.KNOWN && c.deviation() != null) {
      return c.deviation().why() + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")");
    }
    return Views.why(c);
  }

  private static void legend(StringBuilder out) {
    out.append("<ul class=\"legend\">\n");
    Views.MEANING.forEach((g, meaning) -> out.append("<li><span class=\"").append(g.name()).append("\">")
        .append(esc(g.mark())).append("</span>: ").append(esc(meaning)).append("</li>\n"));
    out.append("</ul>\n");
  }

  private static void details(Matrix m, StringBuilder out) {
    out.append("<h2>Cells that are not a pass</h2>\n<ul>\n");
    for (Column col : m.columns()) {
      for (Cell c : col.cells()) {
        if (c.grade() == Grade.PASS) {
          continue;
        }
        out.append("<li><code>").append(esc(col.revision().id())).append("</code> ")
            .append(esc(c.clause())).append(" <span class=\"").append(c.grade().name()).append("\">")
            .append(esc(c.grade().mark())).append("</span>: ").append(esc(Views.why(c)));
        if (c.deviation() != null) {
          out.append("<br>declared: ").append(esc(c.deviation().why())).append(" (")
              .append(link(new Link(c.deviation().label(), c.deviation().url()))).append(")");
        }
        out.append("</li>\n");
      }
    }
    out.append("</ul>\n");
  }

  private static void revisions(Matrix m, StringBuilder out) {
    out.append("<h2>Revisions</h2>\n<table>\n<thead><tr><th>Revision</th><th>Title</th><th>Status</th><th>Date</th>")
        .append("<th>Parent</th><th>Drivers</th><th>Cells</th></tr></thead>\n<tbody>\n");
    for (Column c : m.columns()) {
      Column.RevisionSummary r = c.revision();
      out.append("<tr><td><code>").append(esc(r.id())).append("</code></td><td>").append(esc(r.title()))
          .append("</td><td>").append(esc(r.status())).append("</td><td>").append(esc(r.date()))
          .append("</td><td>").append(esc(r.parent() == null ? "-" : r.parent())).append("</td><td>").append(esc(r.era()))
          .append("</td><td>").append(esc(Views.counts(c))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void clauses(Matrix m, StringBuilder out) {
    out.append("<h2>Clauses</h2>\n");
    for (Matrix.ClauseInfo c : m.clauses()) {
      out.append("<details id=\"").append(esc(c.id())).append("\"><summary><b>").append(esc(c.id())).append("</b> ")
          .append(esc(c.statement())).append("</summary>\n<p>").append(esc(c.rationale())).append("</p>\n<ul>\n");
      c.sources().forEach(s -> out.append("<li>").append(link(s)).append("</li>\n"));
      out.append("</ul>\n<p>Scenarios: ").append(esc(String.join(", ", c.scenarios()))).append("</p>\n</details>\n");
    }
  }

  /** A link when the URL is http or https, else the label and the URL as text. */
  private static String link(Link l) {
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
