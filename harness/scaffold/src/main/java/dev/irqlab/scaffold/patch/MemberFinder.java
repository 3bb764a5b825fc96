package dev.irqlab.scaffold.patch;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds the members of one parsed source file, in source order, as {@link Entry entries}. */
final class MemberFinder {
  private final List<String> file;
  private final Normalizer norm;

  private MemberFinder(List<String> file, Normalizer norm) {
    this.file = file;
    this.norm = norm;
  }

  /**
   * The package declaration, the imports and the top-level types of {@code unit}.
   *
   * @param file the lines of the file {@code unit} was parsed from
   * @param anyName whether the file's one top-level type is to match the other side's whatever
   *     its name
   */
  static List<Entry> find(CompilationUnit unit, List<String> file, Normalizer norm, boolean anyName) {
    MemberFinder finder = new MemberFinder(file, norm);
    List<Entry> out = new ArrayList<>();
    unit.getPackageDeclaration().ifPresent(p -> out.add(finder.packageDeclaration(unit, p)));
    if (!unit.getImports().isEmpty()) {
      out.add(finder.imports(unit.getImports()));
    }
    for (TypeDeclaration<?> type : unit.getTypes()) {
      out.add(finder.type(type, "", anyName ? "type:" : "type:" + type.getNameAsString()));
    }
    return out;
  }

  /** The file's first lines down to the package declaration: the licence header or the package Javadoc. */
  private Entry packageDeclaration(CompilationUnit unit, PackageDeclaration p) {
    int end = line(p.getEnd());
    List<Comment> comments = unit.getAllComments().stream()
        .filter(c -> line(c.getEnd()) <= end)
        .sorted(Comparator.comparing(c -> c.getBegin().orElseThrow()))
        .toList();
    String annotations = p.getAnnotations().stream().map(norm::code).collect(Collectors.joining(" "));
    Snippet lines = Snippet.of(file, 1, end);
    return new Entry("package", MemberKind.PACKAGE, "package declaration", "", lines, lines, annotations, norm.comments(comments), List.of());
  }

  /** The imports, compared as a set. */
  private Entry imports(List<ImportDeclaration> imports) {
    Snippet lines = Snippet.of(file, line(imports.get(0).getBegin()), line(imports.get(imports.size() - 1).getEnd()));
    String code = imports.stream().map(norm::code).sorted().distinct().collect(Collectors.joining("\n"));
    return new Entry("imports", MemberKind.IMPORTS, "imports", "", lines, lines, code, "", List.of());
  }

  /** A class, interface, enum, record or annotation type, with its members. */
  private Entry type(TypeDeclaration<?> type, String outer, String key) {
    String path = outer.isEmpty() ? type.getNameAsString() : outer + "." + type.getNameAsString();
    JavaToken brace = openingBrace(type);
    List<JavaToken> header = new ArrayList<>();
    for (JavaToken t = type.getTokenRange().orElseThrow().getBegin(); t != brace; t = t.getNextToken().orElseThrow()) {
      header.add(t);
    }
    header.add(brace);
    List<Entry> members = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    if (type instanceof EnumDeclaration e) {
      e.getEntries().forEach(c -> members.add(unique(constant(c, path), seen)));
    }
    for (BodyDeclaration<?> m : type.getMembers()) {
      members.add(unique(member(m, path), seen));
    }
    int begin = firstLine(type);
    return new Entry(key, typeKind(type), path, top(path), Snippet.of(file, begin, line(brace.getRange().map(r -> r.begin))),
        Snippet.of(file, begin, line(type.getEnd())), norm.code(header), norm.comments(type.getComment().stream().toList()), members);
  }

  /** The brace that opens the body of {@code type}: the first after its name, type parameters, supertypes and components. */
  private static JavaToken openingBrace(TypeDeclaration<?> type) {
    Position after = type.getName().getEnd().orElseThrow();
    for (Node child : type.getChildNodes()) {
      if (!(child instanceof BodyDeclaration) && !(child instanceof Comment) && child.getEnd().isPresent()
          && child.getEnd().get().isAfter(after)) {
        after = child.getEnd().get();
      }
    }
    for (JavaToken t : type.getTokenRange().orElseThrow()) {
      if (t.getText().equals("{") && t.getRange().orElseThrow().begin.isAfter(after)) {
        return t;
      }
    }
    throw new IllegalStateException("no opening brace in the declaration of " + type.getNameAsString());
  }

  private Entry member(BodyDeclaration<?> m, String path) {
    String top = top(path);
    if (m instanceof TypeDeclaration<?> t) {
      return type(t, path, "type:" + t.getNameAsString());
    }
    if (m instanceof MethodDeclaration md) {
      String params = parameters(md);
      return leaf(m, "method:" + md.getNameAsString() + "(" + params + ")", MemberKind.METHOD,
          path + "." + md.getNameAsString() + "(" + params + ")", top);
    }
    if (m instanceof ConstructorDeclaration cd) {
      String params = parameters(cd);
      return leaf(m, "constructor(" + params + ")", MemberKind.CONSTRUCTOR, path + "(" + params + ")", top);
    }
    if (m instanceof CompactConstructorDeclaration) {
      return leaf(m, "constructor", MemberKind.CONSTRUCTOR, path + " compact constructor", top);
    }
    if (m instanceof FieldDeclaration fd) {
      String names = fd.getVariables().stream().map(VariableDeclarator::getNameAsString).collect(Collectors.joining(", "));
      return leaf(m, "field:" + names, MemberKind.FIELD, path + "." + names, top);
    }
    if (m instanceof InitializerDeclaration init) {
      String name = init.isStatic() ? "static {}" : "{}";
      return leaf(m, "initializer:" + name, MemberKind.INITIALIZER, path + " " + name, top);
    }
    if (m instanceof AnnotationMemberDeclaration am) {
      return leaf(m, "element:" + am.getNameAsString(), MemberKind.ELEMENT, path + "." + am.getNameAsString() + "()", top);
    }
    return leaf(m, "member:" + norm.code(m), MemberKind.FIELD, path + " member", top);
  }

  private Entry constant(EnumConstantDeclaration c, String path) {
    return leaf(c, "constant:" + c.getNameAsString(), MemberKind.CONSTANT, path + "." + c.getNameAsString(), top(path));
  }

  /** The top-level class of a nesting path: {@code A} for {@code A.B.C}. */
  private static String top(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** {@code entry}, its key and label made unique among its siblings with {@code #2}, {@code #3}, ... */
  private static Entry unique(Entry entry, Map<String, Integer> seen) {
    int n = seen.merge(entry.key(), 1, Integer::sum);
    if (n == 1) {
      return entry;
    }
    return new Entry(entry.key() + "#" + n, entry.kind(), entry.label() + " #" + n, entry.topClass(), entry.head(), entry.whole(),
        entry.code(), entry.comments(), entry.members());
  }

  private Entry leaf(Node m, String key, MemberKind kind, String label, String top) {
    List<Comment> comments = new ArrayList<>();
    m.getComment().ifPresent(comments::add);
    comments.addAll(m.getAllContainedComments());
    comments.sort(Comparator.comparing(c -> c.getBegin().orElseThrow()));
    Snippet lines = Snippet.of(file, firstLine(m), line(m.getEnd()));
    return new Entry(key, kind, label, top, lines, lines, norm.code(m), norm.comments(comments), List.of());
  }

  private String parameters(CallableDeclaration<?> c) {
    List<String> types = new ArrayList<>();
    for (Parameter p : c.getParameters()) {
      types.add(norm.typeName(p.getType()) + (p.isVarArgs() ? "..." : ""));
    }
    return String.join(", ", types);
  }

  private static MemberKind typeKind(TypeDeclaration<?> type) {
    if (type instanceof ClassOrInterfaceDeclaration c) {
      return c.isInterface() ? MemberKind.INTERFACE : MemberKind.CLASS;
    }
    if (type instanceof EnumDeclaration) {
      return MemberKind.ENUM;
    }
    if (type instanceof RecordDeclaration) {
      return MemberKind.RECORD;
    }
    if (type instanceof AnnotationDeclaration) {
      return MemberKind.ANNOTATION;
    }
    return MemberKind.CLASS;
  }

  /** The line a member starts on: its Javadoc's (or comment's), if it has one. */
  private static int firstLine(Node m) {
    int begin = line(m.getBegin());
    return m.getComment().map(c -> Math.min(begin, line(c.getBegin()))).orElse(begin);
  }

  private static int line(java.util.Optional<Position> p) {
    return p.orElseThrow().line;
  }
}
