package dev.irqlab.scaffold;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the descriptions a copied revision would inherit from its parent: the Javadoc of the
 * package ({@code package-info.java}) and of each top-level class of the provider and the tests
 * (the port's own classes keep theirs, and with them their lines). Each becomes a placeholder
 * that starts {@value Placeholder#MARK} and says what to write. The package Javadoc keeps its
 * licence paragraphs (those naming the GPL): the copy is derived from the same kernel code.
 * {@code ConformanceTest} keeps its Javadoc, which binds any revision to the suite and reads
 * the same in every revision.
 */
final class Descriptions {
  /** Javadoc lines end by this column, as the revisions' own do. */
  private static final int WIDTH = 100;

  private final String id;
  private final String parent;

  Descriptions(String id, String parent) {
    this.id = id;
    this.parent = parent;
  }

  /**
   * Adds to {@code edits} the replacement of each description in {@code cu}, the comments of its
   * classes too when {@code classComments}; returns what the user is to write, or an empty
   * string when the file has no description to replace.
   */
  String rewrite(CompilationUnit cu, SourceEdits edits, boolean classComments) {
    String eol = edits.lineEnd();
    List<String> what = new ArrayList<>();
    Optional<JavadocComment> pkg = packageJavadoc(cu);
    if (pkg.isPresent() && cu.getTypes().isEmpty()) {
      List<String> kept = licence(pkg.get());
      edits.replace(pkg.get(), javadoc(eol, 0, id + ": " + Placeholder.MARK + " describe this revision: what it changes in "
          + parent + " (its parent here) and why, where it was posted, and how the manager works as of this revision,"
          + " as revisions/" + parent + "/src/main/java/package-info.java does for " + parent + ".", kept));
      what.add(kept.isEmpty() ? "description" : "description; the licence stays");
    }
    for (TypeDeclaration<?> type : classComments ? cu.getTypes() : List.<TypeDeclaration<?>>of()) {
      String name = type.getNameAsString();
      Optional<JavadocComment> doc = type.getJavadocComment();
      if (doc.isEmpty() || name.equals("ConformanceTest")) {
        continue;
      }
      edits.replace(doc.get(), javadoc(eol, doc.get().getBegin().orElseThrow().column - 1, classText(name), List.of()));
      what.add(cu.getTypes().size() == 1 ? "class comment" : "comment of class " + name);
    }
    return String.join(", ", what);
  }

  /** The Javadoc before the package declaration: javaparser attaches it to the unit or to the declaration. */
  private static Optional<JavadocComment> packageJavadoc(CompilationUnit cu) {
    Optional<PackageDeclaration> pkg = cu.getPackageDeclaration();
    if (pkg.isEmpty()) {
      return Optional.empty();
    }
    int line = pkg.get().getBegin().orElseThrow().line;
    return cu.getAllComments().stream()
        .filter(Comment::isJavadocComment)
        .filter(c -> c.getEnd().orElseThrow().line < line)
        .map(Comment::asJavadocComment)
        .reduce((a, b) -> b);
  }

  private String classText(String name) {
    return switch (name) {
      case "Provider" -> "The " + id + " revision. " + Placeholder.MARK + " say in one sentence what it is.";
      case "IrqBypassManagerTest" -> Placeholder.MARK + " describe what these tests check. They are " + parent
          + "'s tests, copied: they expect " + parent + "'s behaviour until you adapt them to this revision's.";
      default -> Placeholder.MARK + " describe " + name + " as of this revision.";
    };
  }

  /** The paragraphs of {@code doc} that name the GPL, as their lines without the {@code *} margin. */
  private static List<String> licence(JavadocComment doc) {
    List<String> kept = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    for (String line : (doc.getContent() + "\n").lines().toList()) {
      String text = line.replaceFirst("^\\s*\\*? ?", "").stripTrailing();
      boolean starts = text.isEmpty() || text.startsWith("<h") || text.startsWith("<p>") || text.startsWith("<ul>");
      if (starts && !paragraph.isEmpty()) {
        if (String.join(" ", paragraph).contains("GPL")) {
          if (!kept.isEmpty()) {
            kept.add("");
          }
          kept.addAll(paragraph);
        }
        paragraph.clear();
      }
      if (!text.isEmpty()) {
        paragraph.add(text);
      }
    }
    return kept;
  }

  /** A Javadoc comment at {@code column}: {@code text} wrapped, then {@code more} as it is. */
  private static String javadoc(String eol, int column, String text, List<String> more) {
    String indent = " ".repeat(column);
    String oneLine = "/** " + text + " */";
    if (more.isEmpty() && column + oneLine.length() <= WIDTH) {
      return oneLine;
    }
    StringBuilder out = new StringBuilder("/**").append(eol);
    for (String line : wrap(text, WIDTH - column - 3)) {
      out.append(indent).append(" * ").append(line).append(eol);
    }
    if (!more.isEmpty()) {
      out.append(indent).append(" *").append(eol);
      more.forEach(line -> out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append(eol));
    }
    return out.append(indent).append(" */").toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
