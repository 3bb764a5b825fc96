package dev.irqlab.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the checkout and the sources of a revision in it. */
class CheckoutTest {
  @TempDir Path root;

  @BeforeEach
  void aCheckoutWithTwoRevisions() throws IOException {
    Files.createDirectories(root.resolve("revisions/v1/src/main/java"));
    Files.createDirectories(root.resolve("revisions/v0"));
    Files.createDirectories(root.resolve("revisions/notes"));
    Files.writeString(root.resolve("revisions/pom.xml"), "<project/>");
    Files.writeString(root.resolve("revisions/v1/pom.xml"), "<project/>");
    Files.writeString(root.resolve("revisions/v0/pom.xml"), "<project/>");
  }

  @Test
  void theRootIsFoundUpwardsFromAFolderInsideItUnlessTheLauncherNamesIt() throws IOException {
    Path deep = Files.createDirectories(root.resolve("harness/cli/src"));
    assertEquals(root.toRealPath(), Checkout.find(null, deep).root().toRealPath());
    assertEquals(root.toRealPath(), Checkout.find(root.toString(), Path.of("/")).root().toRealPath());
    ScaffoldException e = assertThrows(ScaffoldException.class, () -> Checkout.find(deep.toString(), root));
    assertEquals(deep + " is not an irqbypass-lab checkout: it has no revisions/pom.xml", e.getMessage());
  }

  @Test
  void theRevisionsAreTheFoldersWithAPom() {
    Checkout c = Checkout.at(root);
    assertEquals(List.of("v0", "v1"), c.revisionIds());
    assertEquals(c.root().resolve("revisions/v1/src/main/java"), c.sources("v1"));
  }

  @Test
  void anUnknownRevisionOrOneWithoutSourcesIsRefusedClearly() {
    Checkout c = Checkout.at(root);
    ScaffoldException unknown = assertThrows(ScaffoldException.class, () -> c.sources("v9"));
    assertEquals("unknown revision 'v9': the revisions in " + c.root().resolve("revisions") + " are v0, v1", unknown.getMessage());
    ScaffoldException empty = assertThrows(ScaffoldException.class, () -> c.sources("v0"));
    assertEquals("revision v0 has no sources: expected the folder " + c.root().resolve("revisions/v0/src/main/java"),
        empty.getMessage());
  }
}
