package dev.irqlab.scaffold.patch;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.irqlab.scaffold.ScaffoldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The Java files under a source folder, parsed. */
final class JavaSources {
  private JavaSources() {}

  /**
   * One parsed file.
   *
   * @param unit its syntax tree
   * @param lines its lines, without line ends
   */
  record Parsed(CompilationUnit unit, List<String> lines) {
    /** The package the file declares, or "" for none. */
    String packageName() {
      return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    }
  }

  /**
   * Every {@code .java} file under {@code dir}, by its path relative to it ({@code /}-separated).
   *
   * @throws ScaffoldException naming the file, line and column of the first that does not parse
   */
  static SortedMap<String, Parsed> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ScaffoldException(dir + ": no such folder");
    }
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    SortedMap<String, Parsed> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).toList()) {
        String rel = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        out.put(rel, parse(parser, file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Parsed parse(JavaParser parser, Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new ScaffoldException(file + ": not UTF-8 text");
    }
    ParseResult<CompilationUnit> result = parser.parse(text);
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem p = result.getProblems().get(0);
      String where = p.getLocation().flatMap(l -> l.getBegin().getRange())
          .map(r -> ":" + r.begin.line + ":" + r.begin.column).orElse("");
      throw new ScaffoldException(file + where + ": does not parse as Java 17: " + p.getMessage().lines().findFirst().orElse(""));
    }
    return new Parsed(result.getResult().get(), text.lines().toList());
  }
}
