package dev.irqlab.scaffold;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites the {@code RevisionInfo.builder(...)} chain of a copied provider: the new id, the
 * parent, the status, the date when it is given, and the title and authors given, else
 * placeholders; the summary becomes a placeholder, as it describes the parent. The parent's
 * {@code .series(...)} and {@code .alias(...)} calls go (a copy is no patch of the parent's
 * series and answers to none of its ids); a series the request names follows the parent. Every other call
 * (links, deviations, lacks, the default era) stays as the parent has it, so the copy runs the
 * suite exactly as its parent does. A call the chain lacks is added on a line of its own,
 * indented as the call before it.
 */
final class InfoRewriter {
  /** The title when none is given. */
  static final String TITLE = Placeholder.MARK + " give this revision a title, e.g. the patch's subject line";
  /** The author when none is given. */
  static final String AUTHOR = Placeholder.MARK + " Your Name <you@example.org>";
  /** The cover letter's subject of a series when none is given. */
  static final String COVER = Placeholder.MARK + " the subject of the series' cover letter, the same in every patch";

  private final SourceEdits edits;
  private final List<MethodCallExpr> chain;

  private InfoRewriter(SourceEdits edits, List<MethodCallExpr> chain) {
    this.edits = edits;
    this.chain = chain;
  }

  /** The {@code RevisionInfo.builder} calls in {@code cu}. */
  static List<MethodCallExpr> builders(CompilationUnit cu) {
    return cu.findAll(MethodCallExpr.class, InfoRewriter::isBuilder);
  }

  /** The id a builder call names, or null when it is not a string literal. */
  static String builderId(MethodCallExpr builder) {
    return builder.getArgument(0) instanceof StringLiteralExpr s ? s.asString() : null;
  }

  /** The name of the series a builder chain puts its revision in, or null when it names none as a string literal. */
  static String seriesName(MethodCallExpr builder) {
    for (MethodCallExpr m = next(builder); m != null; m = next(m)) {
      if (m.getNameAsString().equals("series") && !m.getArguments().isEmpty() && m.getArgument(0) instanceof StringLiteralExpr s) {
        return s.asString();
      }
    }
    return null;
  }

  private static boolean isBuilder(MethodCallExpr m) {
    String scope = m.getScope().map(PackageRenamer::dotted).orElse("");
    return m.getNameAsString().equals("builder") && m.getArguments().size() == 1
        && (scope.equals("RevisionInfo") || scope.endsWith(".RevisionInfo"));
  }

  /** The summary of a copy of {@code parent}. */
  static String summary(String parent) {
    return Placeholder.MARK + " describe this revision: what it changes from " + parent + ", and what that does.";
  }

  /** What the user is to write in the provider's chain after {@code request}: {@code title, author, summary}. */
  static String placeholders(NewRevision.Request request) {
    List<String> what = new ArrayList<>();
    if (request.title() == null) {
      what.add("title");
    }
    if (request.authors().isEmpty()) {
      what.add("author");
    }
    what.add("summary");
    if (request.series() != null && request.series().cover().equals(COVER)) {
      what.add("series cover");
    }
    return String.join(", ", what);
  }

  /** Adds to {@code edits} the changes {@code request} makes to the one builder chain of {@code cu}. */
  static void rewrite(CompilationUnit cu, SourceEdits edits, String parentId, NewRevision.Request request) {
    List<MethodCallExpr> builders = builders(cu);
    if (builders.size() != 1) {
      throw new ScaffoldException(edits.file() + ": expected one RevisionInfo.builder(...) call, found " + builders.size());
    }
    MethodCallExpr builder = builders.get(0);
    if (!parentId.equals(builderId(builder))) {
      throw new ScaffoldException(edits.file() + ":" + line(builder) + ": expected RevisionInfo.builder(\"" + parentId
          + "\"), found " + edits.text(builder));
    }
    List<MethodCallExpr> chain = new ArrayList<>();
    for (MethodCallExpr m = builder; m != null; m = next(m)) {
      chain.add(m);
    }
    new InfoRewriter(edits, chain).apply(parentId, request);
  }

  private void apply(String parentId, NewRevision.Request r) {
    setString(chain.get(0), r.id());
    MethodCallExpr status = required("status");
    setStatus(status, r.status().name());
    Optional<MethodCallExpr> parent = call("parent");
    String series = r.series() == null ? null : ".series(" + JavaSources.literal(r.series().name()) + ", "
        + JavaSources.literal(r.series().cover()) + ", " + r.series().patch() + ", " + r.series().of() + ")";
    calls("series").forEach(this::remove);
    if (parent.isPresent()) {
      setString(parent.get(), parentId);
      if (series != null) {
        insertAfter(parent.get(), List.of(series));
      }
    } else {
      insertAfter(status, series == null ? List.of(".parent(" + JavaSources.literal(parentId) + ")")
          : List.of(".parent(" + JavaSources.literal(parentId) + ")", series));
    }
    calls("alias").forEach(this::remove);
    setString(required("title"), r.title() != null ? r.title() : TITLE);
    if (r.date() != null) {
      setString(required("date"), r.date().toString());
    }
    setAuthors(r.authors().isEmpty() ? List.of(AUTHOR) : r.authors());
    setString(required("summary"), summary(parentId));
  }

  /** Replaces the authors: the first ones in place, extra old ones dropped, extra new ones added. */
  private void setAuthors(List<String> authors) {
    List<MethodCallExpr> old = calls("author");
    if (old.isEmpty()) {
      throw new ScaffoldException(edits.file() + ":" + line(chain.get(0)) + ": the RevisionInfo chain has no .author(...) call to replace");
    }
    for (int i = 0; i < old.size(); i++) {
      if (i < authors.size()) {
        setString(old.get(i), authors.get(i));
      } else {
        remove(old.get(i));
      }
    }
    List<String> added = new ArrayList<>();
    for (int i = old.size(); i < authors.size(); i++) {
      added.add(".author(" + JavaSources.literal(authors.get(i)) + ")");
    }
    if (!added.isEmpty()) {
      insertAfter(old.get(old.size() - 1), added);
    }
  }

  /** Removes {@code call} from the chain, with the line end and indentation before it. */
  private void remove(MethodCallExpr call) {
    edits.replace(edits.end(call.getScope().orElseThrow()), edits.end(call), "");
  }

  private Optional<MethodCallExpr> call(String name) {
    return calls(name).stream().findFirst();
  }

  private List<MethodCallExpr> calls(String name) {
    return chain.stream().skip(1).filter(m -> m.getNameAsString().equals(name)).toList();
  }

  private MethodCallExpr required(String name) {
    return call(name).orElseThrow(() -> new ScaffoldException(
        edits.file() + ":" + line(chain.get(0)) + ": the RevisionInfo chain has no ." + name + "(...) call"));
  }

  private void setString(MethodCallExpr call, String value) {
    if (call.getArguments().size() != 1) {
      throw new ScaffoldException(edits.file() + ":" + line(call) + ": expected ." + call.getNameAsString() + "(...) with one argument");
    }
    edits.replace(call.getArgument(0), JavaSources.literal(value));
  }

  private void setStatus(MethodCallExpr call, String constant) {
    Expression arg = call.getArguments().size() == 1 ? call.getArgument(0) : null;
    if (arg instanceof FieldAccessExpr f) {
      edits.replace(f.getName(), constant);
    } else if (arg instanceof NameExpr n) {
      edits.replace(n, constant);
    } else {
      throw new ScaffoldException(edits.file() + ":" + line(call) + ": expected .status(Status.NAME), found " + edits.text(call));
    }
  }

  /** Adds {@code calls} after {@code call}: each on a line of its own when {@code call} has one. */
  private void insertAfter(MethodCallExpr call, List<String> calls) {
    String line = edits.lineOf(call.getName());
    int dot = call.getName().getBegin().orElseThrow().column - 2;
    boolean ownLine = dot >= 0 && line.charAt(dot) == '.' && line.substring(0, dot).isBlank();
    String eol = edits.lineEnd();
    String before = ownLine ? eol + line.substring(0, dot) : "";
    StringBuilder text = new StringBuilder();
    calls.forEach(c -> text.append(before).append(c));
    edits.insertAfter(call, text.toString());
  }

  private static MethodCallExpr next(MethodCallExpr m) {
    return m.getParentNode()
        .filter(p -> p instanceof MethodCallExpr c && c.getScope().map(s -> s == m).orElse(false))
        .map(MethodCallExpr.class::cast)
        .orElse(null);
  }

  private static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }
}
