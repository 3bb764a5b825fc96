package dev.irqlab.scaffold.patch;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the code and comments of one side read before they are compared: its own package name
 * hidden, and top-level classes of the revision before called by their names in the revision
 * after.
 *
 * @param packageName the package of the file, or "" for none
 * @param renames old top-level class names to new ones (empty for the revision after)
 */
record Normalizer(String packageName, Map<String, String> renames) {
  private static final String PACKAGE = "<package>";

  Normalizer {
    renames = Map.copyOf(renames);
  }

  /** The tokens of {@code node} but comments and white space, one space apart, normalised. */
  String code(Node node) {
    return node.getTokenRange().map(this::code).orElse("");
  }

  /** {@link #code(Node)} over the given tokens. */
  String code(Iterable<JavaToken> tokens) {
    List<String> words = new ArrayList<>();
    for (JavaToken t : tokens) {
      if (!t.getCategory().isWhitespaceOrComment()) {
        words.add(t.getCategory().isIdentifier() ? renames.getOrDefault(t.getText(), t.getText()) : t.getText());
      }
    }
    String code = String.join(" ", words);
    if (packageName.isEmpty()) {
      return code;
    }
    return code.replaceAll(bounded(Pattern.quote(packageName.replace(".", " . "))), PACKAGE);
  }

  /**
   * The text of {@code comments} in the order they come: one line each, opening with the kind of
   * comment, without the leading stars of Javadoc or any difference in white space.
   */
  String comments(List<Comment> comments) {
    List<String> out = new ArrayList<>();
    for (Comment c : comments) {
      StringBuilder text = new StringBuilder(c.isJavadocComment() ? "/**" : c.isBlockComment() ? "/*" : "//");
      for (String line : c.getContent().split("\\R")) {
        text.append(' ').append(line.strip().replaceFirst("^\\*+", ""));
      }
      out.add(text.toString().replaceAll("\\s+", " ").strip());
    }
    return text(String.join("\n", out));
  }

  /** Prose with the package hidden and the old class names replaced. */
  private String text(String prose) {
    String out = prose;
    if (!packageName.isEmpty()) {
      out = out.replaceAll(bounded(Pattern.quote(packageName)), PACKAGE);
    }
    for (Map.Entry<String, String> r : renames.entrySet()) {
      out = out.replaceAll(bounded(Pattern.quote(r.getKey())), Matcher.quoteReplacement(r.getValue()));
    }
    return out;
  }

  /** {@code regex} not inside a longer identifier. */
  private static String bounded(String regex) {
    return "(?<![\\w$])" + regex + "(?![\\w$])";
  }

  /**
   * A type as a method's key and label write it: its tokens without package qualifiers
   * ({@code java.util.List<dev.irqlab.spi.Link>} is {@code List<Link>}), renamed.
   */
  String typeName(Node type) {
    List<JavaToken> tokens = new ArrayList<>();
    type.getTokenRange().ifPresent(r -> r.forEach(t -> {
      if (!t.getCategory().isWhitespaceOrComment()) {
        tokens.add(t);
      }
    }));
    StringBuilder out = new StringBuilder();
    boolean lastWord = false;
    for (int i = 0; i < tokens.size(); i++) {
      JavaToken t = tokens.get(i);
      String text = t.getText();
      boolean qualifier = t.getCategory().isIdentifier() && Character.isLowerCase(text.charAt(0))
          && i + 1 < tokens.size() && tokens.get(i + 1).getText().equals(".");
      if (qualifier) {
        i++;
        continue;
      }
      boolean word = t.getCategory().isIdentifier() || t.getCategory().isKeyword();
      if (word && lastWord) {
        out.append(' ');
      }
      out.append(t.getCategory().isIdentifier() ? renames.getOrDefault(text, text) : text);
      if (text.equals(",")) {
        out.append(' ');
      }
      lastWord = word;
    }
    return out.toString();
  }
}
