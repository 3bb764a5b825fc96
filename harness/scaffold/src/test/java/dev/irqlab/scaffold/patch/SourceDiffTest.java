package dev.irqlab.scaffold.patch;

import static dev.irqlab.scaffold.patch.Trees.changes;
import static dev.irqlab.scaffold.patch.Trees.diff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.scaffold.ScaffoldException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the patch between two source trees reports as added, removed, changed or comments only. */
class SourceDiffTest {
  @TempDir Path tmp;

  private static final String BEFORE = """
      package dev.irqlab.rev.one;

      final class Manager {
        private int count;

        /** Registers. */
        int register(int token) {
          count++;
          return 0;
        }

        void gone() {}

        void stays() {}
      }
      """;

  @Test
  void anAddedARemovedAndAChangedMethodInTheOrderOfTheRevisionAfter() {
    String after = """
        package dev.irqlab.rev.one;

        final class Manager {
          private int count;

          /** Registers. */
          int register(int token) {
            count += 2;
            return 0;
          }

          void stays() {}

          int added() {
            return count;
          }
        }
        """;
    SourceDiff d = diff(tmp, BEFORE, after);
    assertEquals(List.of("changed Manager.register(int)", "removed Manager.gone()", "added Manager.added()"), changes(d));
    MemberChange added = d.files().get(0).changes().get(2);
    assertEquals(MemberKind.METHOD, added.kind());
    assertEquals(List.of("@@ -14,0 +14,3 @@ Manager.added()", "+  int added() {", "+    return count;", "+  }"), added.diff());
    assertEquals(0, added.fromLine());
    assertEquals(14, added.toLine());
  }

  @Test
  void overloadsAreToldApartByTheirParameterTypes() {
    String before = """
        package p;

        class Manager {
          int f(int x) { return x; }
          int f(java.lang.String s) { return s.length(); }
        }
        """;
    String after = """
        package p;

        class Manager {
          int f(int x) { return x; }
          int f(String s) { return s.length() + 1; }
          int f(long x) { return 0; }
        }
        """;
    assertEquals(List.of("changed Manager.f(String)", "added Manager.f(long)"), changes(diff(tmp, before, after)));
  }

  @Test
  void aDifferenceOfPackageImportsOfItAndQualifiedNamesAloneIsNoChange() {
    String before = """
        package dev.irqlab.rev.v6_16;

        import static dev.irqlab.rev.v6_16.Manager.LIMIT;

        final class Manager {
          static final int LIMIT = 4;

          /** Bounded by {@link dev.irqlab.rev.v6_16.Manager#LIMIT}. */
          int limit() {
            return dev.irqlab.rev.v6_16.Manager.LIMIT + LIMIT;
          }
        }
        """;
    SourceDiff d = diff(tmp, before, before.replace("v6_16", "v6_17"));
    assertTrue(d.isEmpty(), changes(d).toString());
  }

  @Test
  void theRenamedOnlyClassOfAFileIsTheSameClassAndItsOldNameReadsAsTheNew(@TempDir Path other) {
    Path a = Trees.write(other.resolve("a"), "Manager.java", "package p;\n\nclass Old {\n  Old() {}\n\n  Old copy() {\n"
        + "    return new Old();\n  }\n}\n", "Provider.java", "package p;\n\nclass Provider {\n  Object load() {\n"
        + "    return new Old();\n  }\n}\n");
    Path b = Trees.write(other.resolve("b"), "Manager.java", "package p;\n\nclass New {\n  New() {}\n\n  New copy() {\n"
        + "    return new New(); // a copy\n  }\n}\n", "Provider.java", "package p;\n\nclass Provider {\n  Object load() {\n"
        + "    return new New();\n  }\n}\n");
    assertEquals(List.of("comments New.copy()"), changes(SourceDiff.compare("a", a, "b", b)));
  }

  @Test
  void aJavadocOnlyChangeIsCommentsButARewrappedOrReindentedMemberIsNoChange() {
    String after = BEFORE.replace("/** Registers. */", "/** Registers one. */");
    assertEquals(List.of("comments Manager.register(int)"), changes(diff(tmp, BEFORE, after)));
    MemberChange c = diff(tmp, BEFORE, after).files().get(0).changes().get(0);
    assertEquals(Change.COMMENTS, c.change());
    assertEquals(List.of("@@ -6,4 +6,4 @@ Manager.register(int)", "-  /** Registers. */", "+  /** Registers one. */",
        "   int register(int token) {"), c.diff().subList(0, 4));
    String rewrapped = BEFORE.replace("/** Registers. */", "/**\n   * Registers.\n   */")
        .replace("    count++;\n    return 0;", "        count ++ ;  return 0;");
    assertTrue(diff(tmp, BEFORE, rewrapped).isEmpty(), changes(diff(tmp, BEFORE, rewrapped)).toString());
  }

  @Test
  void aNestedClassAddedWholeIsOneMemberAndAChangeInsideOneIsNamedByItsPath() {
    String before = """
        package p;

        class Manager {
          static final class Fields {
            int node;
          }
        }
        """;
    String after = """
        package p;

        class Manager {
          static final class Fields {
            long node;
          }

          record Link(int from, int to) {
            Link {
              assert from != to;
            }
          }
        }
        """;
    SourceDiff d = diff(tmp, before, after);
    assertEquals(List.of("changed Manager.Fields.node", "added Manager.Link"), changes(d));
    MemberChange link = d.files().get(0).changes().get(1);
    assertEquals(MemberKind.RECORD, link.kind());
    assertEquals(5, link.insertions());
  }

  @Test
  void aChangedSignatureOfANestedRecordIsAChangedHeader() {
    String before = "package p;\n\nclass Manager {\n  record Link(int from) {}\n}\n";
    String after = "package p;\n\nclass Manager {\n  record Link(int from, int to) {}\n}\n";
    assertEquals(List.of("changed Manager.Link"), changes(diff(tmp, before, after)));
  }

  @Test
  void filesOnlyOnOneSideAreAddedOrRemovedWhole(@TempDir Path other) {
    Path a = Trees.write(other.resolve("a"), "Old.java", "package p;\n\nclass Old {}\n");
    Path b = Trees.write(other.resolve("b"), "sub/New.java", "package p.sub;\n\nimport java.util.List;\n\nclass New {}\n");
    SourceDiff d = SourceDiff.compare("a", a, "b", b);
    assertEquals(List.of("removed package declaration", "removed Old", "added package declaration", "added imports",
        "added New"), changes(d));
    assertEquals(List.of(FileDiff.Status.REMOVED, FileDiff.Status.ADDED), d.files().stream().map(FileDiff::status).toList());
    assertEquals(List.of("Old.java", "sub/New.java"), d.files().stream().map(FileDiff::path).toList());
  }

  @Test
  void aFileThatDoesNotParseIsNamedWithItsLineAndColumn(@TempDir Path other) {
    Path a = Trees.write(other.resolve("a"), "Manager.java", "package p;\n\nclass Manager {\n  int f( {\n}\n");
    ScaffoldException e = assertThrows(ScaffoldException.class, () -> SourceDiff.compare("a", a, "a", a));
    assertTrue(e.getMessage().startsWith(a.resolve("Manager.java") + ":4:"), e.getMessage());
    assertTrue(e.getMessage().contains("does not parse as Java 17"), e.getMessage());
  }
}
