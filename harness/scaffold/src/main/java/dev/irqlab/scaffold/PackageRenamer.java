package dev.irqlab.scaffold;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a compilation unit from one revision package to another: the package declaration,
 * imports, fully qualified names in types and expressions, and the package's name where it
 * appears in comments and string literals. Both packages are {@code dev.irqlab.rev.<segment>},
 * so each rename changes the characters of the segment alone.
 */
final class PackageRenamer {
  private final String from;
  private final String oldSegment;
  private final String newSegment;
  private final Pattern inText;
  private final String replacement;

  PackageRenamer(String from, String to) {
    this.from = from;
    this.oldSegment = from.substring(from.lastIndexOf('.') + 1);
    this.newSegment = to.substring(to.lastIndexOf('.') + 1);
    this.inText = mention(from);
    this.replacement = Matcher.quoteReplacement(to);
  }

  /** Where {@code pkg} is named in text, as a whole name (not a part of a longer one). */
  static Pattern mention(String pkg) {
    return Pattern.compile("(?<![\\p{javaJavaIdentifierPart}.])" + Pattern.quote(pkg) + "(?!\\p{javaJavaIdentifierPart})");
  }

  /** Adds to {@code edits} the renames of the package in {@code cu}. */
  void rename(CompilationUnit cu, SourceEdits edits) {
    List<Node> segments = new ArrayList<>();
    cu.findAll(Name.class, n -> n.asString().equals(from)).forEach(segments::add);
    cu.findAll(ClassOrInterfaceType.class, t -> t.getNameWithScope().equals(from)).forEach(t -> segments.add(t.getName()));
    cu.findAll(FieldAccessExpr.class, f -> from.equals(dotted(f))).forEach(f -> segments.add(f.getName()));
    for (Node n : segments) {
      int end = edits.end(n);
      int start = end - oldSegment.length();
      String text = edits.text(n);
      if (!text.endsWith(oldSegment)) {
        throw new ScaffoldException(edits.file() + ": expected " + from + ", found " + text);
      }
      edits.replace(start, end, newSegment);
    }
    List<Node> texts = new ArrayList<>(cu.getAllComments());
    texts.addAll(cu.findAll(StringLiteralExpr.class));
    texts.addAll(cu.findAll(TextBlockLiteralExpr.class));
    for (Node n : texts) {
      String text = edits.text(n);
      String renamed = inText.matcher(text).replaceAll(replacement);
      if (!renamed.equals(text)) {
        edits.replace(n, renamed);
      }
    }
  }

  /** {@code a.b.c} for a chain of names and field accesses, else null. */
  static String dotted(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f) {
      String scope = dotted(f.getScope());
      return scope == null ? null : scope + "." + f.getNameAsString();
    }
    return null;
  }
}
