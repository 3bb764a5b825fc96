package dev.irqlab.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The package moves everywhere it is named, and nowhere else. */
class PackageRenamerTest {
  private static String rename(String source) {
    SourceEdits edits = new SourceEdits("Fixture.java", source);
    new PackageRenamer("dev.irqlab.rev.v6_16", "dev.irqlab.rev.scratch_x").rename(JavaSources.parse("Fixture.java", source), edits);
    return edits.apply();
  }

  @Test
  void declarationsImportsQualifiedNamesCommentsAndStrings() {
    String before = String.join("\n",
        "/* Copied from dev.irqlab.rev.v6_16, not from dev.irqlab.rev.v6_166. */",
        "package   dev.irqlab.rev.v6_16;",
        "",
        "import dev.irqlab.rev.v6_16.Other;",
        "import static dev.irqlab.rev.v6_16.Other.LIMIT;",
        "import dev.irqlab.rev.v6_166.Unrelated;",
        "",
        "/** See {@link dev.irqlab.rev.v6_16.Provider}. */",
        "@dev.irqlab.rev.v6_16.Marker",
        "final class Fixture {",
        "  dev.irqlab.rev.v6_16.Provider p = new dev.irqlab.rev.v6_16.Provider();",
        "  Object o = dev.irqlab.rev.v6_16.Provider.INFO; // dev.irqlab.rev.v6_16",
        "  String s = \"dev.irqlab.rev.v6_16.Provider\";",
        "  String t = \"\"\"",
        "      dev.irqlab.rev.v6_16",
        "      \"\"\";",
        "  String keep = \"v6_16 dev.irqlab.rev.v6_16x\";",
        "}",
        "");
    assertEquals(before.replace("dev.irqlab.rev.v6_16", "dev.irqlab.rev.scratch_x")
            .replace("dev.irqlab.rev.scratch_x6", "dev.irqlab.rev.v6_166")
            .replace("dev.irqlab.rev.scratch_xx", "dev.irqlab.rev.v6_16x"),
        rename(before));
  }

  @Test
  void aFileWithoutThePackageStaysByteForByte() {
    String source = "package dev.irqlab.rev.other;\r\n\r\n// dev.irqlab.rev.v6_1\r\nclass A {}\r\n";
    assertEquals(source, rename(source));
  }
}
