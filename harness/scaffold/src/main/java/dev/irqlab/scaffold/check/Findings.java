package dev.irqlab.scaffold.check;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** The findings of one run of the check, in the order they are reported. */
public final class Findings {
  private final List<Finding> found = new ArrayList<>();

  /** Reports a violation of {@code rule} at {@code node} of {@code source}. */
  public void report(RevisionSource source, Node node, RevisionRule rule, String message) {
    Position begin = node.getBegin().orElse(new Position(1, 1));
    add(new Finding(source.file(), begin.line, begin.column, rule.id(), message));
  }

  void add(Finding finding) {
    found.add(finding);
  }

  /** What was found, sorted by file, line, column and rule. */
  public List<Finding> sorted() {
    List<Finding> out = new ArrayList<>(found);
    out.sort(null);
    return List.copyOf(out);
  }
}
