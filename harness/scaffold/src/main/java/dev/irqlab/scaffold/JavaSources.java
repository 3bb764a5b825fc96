package dev.irqlab.scaffold;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import java.util.Locale;

/** Parses revision sources as Java 17. */
final class JavaSources {
  private JavaSources() {}

  /** Parses {@code text}, the content of {@code file}; names the file and line when it does not parse. */
  static CompilationUnit parse(String file, String text) {
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    ParseResult<CompilationUnit> r = parser.parse(text);
    if (!r.isSuccessful() || r.getResult().isEmpty()) {
      throw new ScaffoldException(file + problem(r) + ": expected a Java 17 source file that compiles");
    }
    return r.getResult().get();
  }

  /** {@code :LINE: message} of the first problem, or an empty string. */
  private static String problem(ParseResult<?> r) {
    if (r.getProblems().isEmpty()) {
      return "";
    }
    Problem p = r.getProblems().get(0);
    String line = p.getLocation().flatMap(l -> l.getBegin().getRange()).map(range -> ":" + range.begin.line).orElse("");
    return line + ": " + p.getMessage().lines().findFirst().orElse("");
  }

  /** {@code value} as a Java string literal. */
  static String literal(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
