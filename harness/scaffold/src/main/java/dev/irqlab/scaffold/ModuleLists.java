package dev.irqlab.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files that list the revision modules: {@code revisions/pom.xml}, whose {@code <modules>}
 * builds them, and every other pom that depends on revision artifacts (the command line's and
 * the end-to-end tests', which put every revision on their test class path). A new module is
 * added to each by inserting lines only, at the end of the list, so that deleting those lines
 * gives back the file byte for byte.
 */
final class ModuleLists {
  static final String REVISIONS_POM = "revisions/pom.xml";
  private static final Pattern MODULE = Pattern.compile("\\s*<module>([^<]+)</module>\\s*");
  private static final Pattern DEPENDENCY = Pattern.compile("\\s*<artifactId>irqlab-revision-([^<]+)</artifactId>\\s*");

  private ModuleLists() {}

  /** One file's change: its content after {@code insertion}. */
  record Edit(Path path, String after, Insertion insertion) {}

  /** A module list read from a file: the entries, with the line (from 1) of each. */
  record Listing(String file, List<String> lines, List<String> entries, List<Integer> at) {
    int lineOf(String entry) {
      int i = entries.indexOf(entry);
      return i < 0 ? -1 : at.get(i);
    }
  }

  /** The {@code <module>} entries of revisions/pom.xml. */
  static Listing modules(Path root) {
    List<String> lines = split(read(root.resolve(REVISIONS_POM)));
    int open = only(lines, "<modules>");
    int close = only(lines, "</modules>");
    if (open < 0 || close < open) {
      throw new ScaffoldException(REVISIONS_POM + ": expected one <modules> element, its tags on lines of their own");
    }
    List<String> entries = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = open + 1; i < close; i++) {
      String text = lines.get(i).strip();
      Matcher m = MODULE.matcher(lines.get(i));
      if (m.matches()) {
        entries.add(m.group(1));
        at.add(i + 1);
      } else if (!text.isEmpty() && !(text.startsWith("<!--") && text.endsWith("-->"))) {
        throw new ScaffoldException(REVISIONS_POM + ":" + (i + 1) + ": expected one <module>NAME</module> per line, found " + text);
      }
    }
    return new Listing(REVISIONS_POM, lines, entries, at);
  }

  /** The revision artifacts a pom depends on ({@code v6.17} for irqlab-revision-v6.17). */
  static Listing dependencies(Path root, String file) {
    List<String> lines = split(read(root.resolve(file)));
    List<String> entries = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = DEPENDENCY.matcher(lines.get(i));
      if (m.matches()) {
        entries.add(m.group(1));
        at.add(i + 1);
      }
    }
    return new Listing(file, lines, entries, at);
  }

  /** The poms outside revisions/ that depend on revision artifacts, sorted. */
  static List<String> dependents(Path root) {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.equals(root) ? "" : dir.getFileName().toString();
          boolean skip = name.equals("target") || name.startsWith(".") || dir.equals(root.resolve("revisions"));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().equals("pom.xml") && read(file).contains("<artifactId>irqlab-revision-")) {
            found.add(root.relativize(file).toString().replace('\\', '/'));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found.stream().sorted().toList();
  }

  /** Adds {@code <module>id</module>} after the last module of revisions/pom.xml. */
  static Edit addModule(Path root, Listing modules, String id) {
    List<String> lines = modules.lines();
    int after = modules.at().isEmpty() ? only(lines, "<modules>") : modules.at().get(modules.at().size() - 1) - 1;
    String template = lines.get(after);
    String indent = modules.at().isEmpty() ? indent(template) + "  " : indent(template);
    String added = indent + "<module>" + id + "</module>";
    return insert(root, modules, after + 1, List.of(added), "<module>" + id + "</module>");
  }

  /** Adds a dependency on revision {@code id}: a copy of the last revision dependency, after it. */
  static Edit addDependency(Path root, Listing deps, String id) {
    List<String> lines = deps.lines();
    int artifact = deps.at().get(deps.at().size() - 1) - 1;
    int open = artifact;
    while (open >= 0 && !lines.get(open).strip().equals("<dependency>")) {
      open--;
    }
    int close = artifact;
    while (close < lines.size() && !lines.get(close).strip().equals("</dependency>")) {
      close++;
    }
    if (open < 0 || close == lines.size()) {
      throw new ScaffoldException(deps.file() + ":" + (artifact + 1) + ": expected the revision artifact inside <dependency> ... </dependency>, its tags on lines of their own");
    }
    String old = "irqlab-revision-" + deps.entries().get(deps.entries().size() - 1) + "</artifactId>";
    List<String> added = new ArrayList<>();
    for (int i = open; i <= close; i++) {
      added.add(strip(i == artifact ? lines.get(i).replace(old, ModulePom.artifact(id) + "</artifactId>") : lines.get(i)));
    }
    return insert(root, deps, close + 1, added, "<dependency> " + ModulePom.artifact(id));
  }

  private static Edit insert(Path root, Listing listing, int index, List<String> added, String what) {
    List<String> lines = listing.lines();
    String eol = lines.get(index - 1).endsWith("\r\n") ? "\r\n" : "\n";
    StringBuilder out = new StringBuilder();
    lines.subList(0, index).forEach(out::append);
    added.forEach(l -> out.append(l).append(eol));
    lines.subList(index, lines.size()).forEach(out::append);
    return new Edit(root.resolve(listing.file()), out.toString(), new Insertion(listing.file(), index + 1, added, what));
  }

  /** The lines of {@code text}, each with its line end. */
  static List<String> split(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static int only(List<String> lines, String tag) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(tag)) {
        found.add(i);
      }
    }
    return found.size() == 1 ? found.get(0) : -1;
  }

  private static String indent(String line) {
    return line.substring(0, line.length() - line.stripLeading().length());
  }

  private static String strip(String line) {
    return line.replaceAll("[\r\n]+$", "");
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScaffoldException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
