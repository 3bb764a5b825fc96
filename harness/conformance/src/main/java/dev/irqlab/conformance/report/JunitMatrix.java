package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Cell;
import dev.irqlab.conformance.Column;
import dev.irqlab.conformance.Grade;
import dev.irqlab.conformance.Matrix;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The matrix as JUnit XML, the report most CI systems read: one {@code testsuite} per revision,
 * one {@code testcase} per clause, named by revision and clause ({@code v6.17 ERR-02}) so that a
 * CI page shows which cell it is.
 *
 * <ul>
 *   <li>pass: a test case with nothing in it;
 *   <li>n/a: {@code skipped}, with what the revision lacks;
 *   <li>known deviation: a passing test case whose {@code system-out} says the clause fails as
 *       declared, and why (JUnit XML has no expected failure);
 *   <li>FAIL and STALE: {@code failure}, with why.
 * </ul>
 */
public final class JunitMatrix {
  private JunitMatrix() {}

  public static String render(Matrix m) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "irqlab conformance matrix");
      x.writeAttribute("tests", Integer.toString(count(m, null)));
      x.writeAttribute("failures", Integer.toString(count(m, Grade.FAIL) + count(m, Grade.STALE)));
      x.writeAttribute("skipped", Integer.toString(count(m, Grade.NA)));
      for (Column col : m.columns()) {
        suite(x, m, col);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the JUnit report could not be written", e);
    }
    return text + "\n";
  }

  private static void suite(XMLStreamWriter x, Matrix m, Column col) throws XMLStreamException {
    String id = col.revision().id();
    x.writeCharacters("\n  ");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", id);
    x.writeAttribute("tests", Integer.toString(m.clauses().size()));
    x.writeAttribute("failures", Long.toString(col.cells().stream().filter(c -> c.grade().unexpected()).count()));
    x.writeAttribute("skipped", Long.toString(col.cells().stream().filter(c -> c.grade() == Grade.NA).count()));
    for (Matrix.ClauseInfo clause : m.clauses()) {
      Cell cell = Views.cell(col, clause.id());
      x.writeCharacters("\n    ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", "irqlab." + id);
      x.writeAttribute("name", id + " " + clause.id());
      if (cell == null) {
        x.writeStartElement("skipped");
        x.writeAttribute("message", "not graded in this report");
        x.writeEndElement();
      } else {
        switch (cell.grade()) {
          case PASS -> { }
          case NA -> {
            x.writeStartElement("skipped");
            x.writeAttribute("message", Text.oneLine(cell.detail()));
            x.writeEndElement();
          }
          case KNOWN -> {
            x.writeStartElement("system-out");
            x.writeCharacters("known deviation: " + Text.oneLine(cell.deviation() == null ? cell.detail() : cell.deviation().why()));
            x.writeEndElement();
          }
          default -> {
            x.writeStartElement("failure");
            x.writeAttribute("type", cell.grade().mark());
            x.writeAttribute("message", cell.grade().mark() + ": " + Text.oneLine(clause.statement()));
            x.writeCharacters(Views.why(cell));
            x.writeEndElement();
          }
        }
      }
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  /** Cells of {@code grade}, or all cells for null. */
  private static int count(Matrix m, Grade grade) {
    int n = 0;
    for (Column col : m.columns()) {
      for (Matrix.ClauseInfo clause : m.clauses()) {
        Cell cell = Views.cell(col, clause.id());
        if (grade == null || cell != null && cell.grade() == grade || cell == null && grade == Grade.NA) {
          n++;
        }
      }
    }
    return n;
  }
}
