package dev.irqlab.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.Kernel;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionLoaderTest {

  /** A revision that exists only to be ordered. */
  private record Fake(RevisionInfo info) implements Revision {
    @Override
    public IrqBypass load(Kernel kernel) {
      throw new UnsupportedOperationException();
    }
  }

  private static LoadedRevision fake(String id, String parent, String date) {
    RevisionInfo info =
        RevisionInfo.builder(id)
            .title(id)
            .author("a")
            .date(date)
            .status(Status.MERGED)
            .parent(parent)
            .defaultEra("v6.16")
            .summary(id)
            .build();
    return new LoadedRevision(new Fake(info), info, "memory:" + id);
  }

  private static LoadedRevision patch(String id, String parent, int patch, int of, String... aliases) {
    RevisionInfo.Builder b =
        RevisionInfo.builder(id)
            .title(id)
            .author("a")
            .date("2025-05-16")
            .status(Status.MERGED)
            .parent(parent)
            .defaultEra("v6.16")
            .summary(id)
            .series("s", "cover", patch, of);
    for (String alias : aliases) {
      b.alias(alias);
    }
    RevisionInfo info = b.build();
    return new LoadedRevision(new Fake(info), info, "memory:" + id);
  }

  private static List<String> ids(List<LoadedRevision> revisions) {
    return revisions.stream().map(LoadedRevision::id).toList();
  }

  @Test
  void findsTheExampleModuleOnTheClassPathWithNoEditToTheHarness() {
    List<LoadedRevision> found = RevisionLoader.load();
    assertEquals(List.of("example"), ids(found));
    LoadedRevision example = found.get(0);
    assertTrue(example.source().contains("test-classes"), example.source());
    assertEquals("dev.irqlab.spi.example.ExampleRevision", example.revision().getClass().getName());
  }

  @Test
  void ordersParentsBeforeChildrenThenByDate() {
    // The history of the eight designs: two branches grow from v6.16, whose own date is later
    // than theirs (it stands for the list code as it stayed until 2025).
    List<LoadedRevision> shuffled =
        List.of(
            fake("v6.17", "cleanup-v1-2025", "2025-05-16"),
            fake("xarray-v2-2023", "xarray-v1-2023", "2023-08-02"),
            fake("v6.16", "v5.9", "2025-07-27"),
            fake("rfc-2015", null, "2015-06-18"),
            fake("cleanup-v1-2025", "v6.16", "2025-04-04"),
            fake("v4.4", "rfc-2015", "2015-11-01"),
            fake("xarray-v1-2023", "v6.16", "2023-08-01"),
            fake("v5.9", "v4.4", "2020-07-31"));
    assertEquals(
        List.of("rfc-2015", "v4.4", "v5.9", "v6.16", "xarray-v1-2023", "xarray-v2-2023", "cleanup-v1-2025", "v6.17"),
        ids(RevisionLoader.inHistoryOrder(shuffled)));
  }

  @Test
  void rootsAndSiblingsGoByDateThenId() {
    List<LoadedRevision> found =
        List.of(fake("b", null, "2020-01-01"), fake("a", null, "2020-01-01"), fake("c", null, "2019-01-01"));
    assertEquals(List.of("c", "a", "b"), ids(RevisionLoader.inHistoryOrder(found)));
  }

  @Test
  void twoModulesWithOneIdFailLoudlyNamingBoth() {
    RevisionLoadException e =
        assertThrows(
            RevisionLoadException.class,
            () -> RevisionLoader.inHistoryOrder(List.of(fake("v4.4", null, "2015-11-01"), fake("v4.4", null, "2016-01-01"))));
    assertTrue(e.getMessage().contains("two modules provide revision 'v4.4'"), e.getMessage());
    assertTrue(e.getMessage().contains("memory:v4.4 and"), e.getMessage());
  }

  @Test
  void aMissingParentFailsLoudly() {
    RevisionLoadException e =
        assertThrows(RevisionLoadException.class, () -> RevisionLoader.inHistoryOrder(List.of(fake("child", "gone", "2020-01-01"))));
    assertTrue(e.getMessage().contains("names parent 'gone', which no module on the class path provides"), e.getMessage());
  }

  @Test
  void aSeriesKeepsItsOrderEvenWhenThePatchesShareADate() {
    List<LoadedRevision> found =
        List.of(patch("p3", "p2", 3, 3, "p3-alias"), fake("base", null, "2025-01-01"), patch("p2", "p1", 2, 3),
            patch("p1", "base", 1, 3), fake("a-sibling", "base", "2025-05-16"));
    assertEquals(List.of("base", "a-sibling", "p1", "p2", "p3"), ids(RevisionLoader.inHistoryOrder(found)));
  }

  @Test
  void aSeriesOutOfChainFailsLoudly() {
    RevisionLoadException e =
        assertThrows(RevisionLoadException.class, () -> RevisionLoader.inHistoryOrder(
            List.of(fake("base", null, "2025-01-01"), patch("p1", "base", 1, 2), patch("p2", "base", 2, 2))));
    assertTrue(e.getMessage().contains("revision 'p2', patch 2/2 of series s, names parent 'base', not patch 1 ('p1')"),
        e.getMessage());
    e = assertThrows(RevisionLoadException.class, () -> RevisionLoader.inHistoryOrder(
        List.of(fake("base", null, "2025-01-01"), patch("p1", "base", 1, 2), patch("p1b", "base", 1, 2))));
    assertTrue(e.getMessage().contains("are both patch 1/2 of series s"), e.getMessage());
    e = assertThrows(RevisionLoadException.class, () -> RevisionLoader.inHistoryOrder(
        List.of(fake("base", null, "2025-01-01"), patch("p1", "base", 1, 2), patch("p2", "p1", 2, 3))));
    assertTrue(e.getMessage().contains("disagree on series s"), e.getMessage());
  }

  @Test
  void anAliasThatIsAnotherIdFailsLoudly() {
    RevisionLoadException e =
        assertThrows(RevisionLoadException.class, () -> RevisionLoader.inHistoryOrder(
            List.of(fake("base", null, "2025-01-01"), patch("p1", "base", 1, 1, "base"))));
    assertTrue(e.getMessage().contains("takes the alias 'base', which is the id of"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> patch("p1", "base", 1, 1, "p1"));
    assertThrows(IllegalArgumentException.class, () -> patch("p1", "base", 2, 1));
  }

  @Test
  void aCycleFailsLoudly() {
    RevisionLoadException e =
        assertThrows(
            RevisionLoadException.class,
            () -> RevisionLoader.inHistoryOrder(List.of(fake("a", "b", "2020-01-01"), fake("b", "a", "2020-01-01"))));
    assertTrue(e.getMessage().contains("cycle: a, b"), e.getMessage());
  }

  @Test
  void aBrokenServiceEntryFailsLoudly() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("irqlab-services");
    java.nio.file.Path services = dir.resolve("META-INF/services");
    java.nio.file.Files.createDirectories(services);
    java.nio.file.Files.writeString(services.resolve(Revision.class.getName()), "no.such.Revision\n");
    try (java.net.URLClassLoader loader =
        new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, RevisionLoaderTest.class.getClassLoader())) {
      RevisionLoadException e = assertThrows(RevisionLoadException.class, () -> RevisionLoader.load(loader));
      assertTrue(e.getMessage().contains("no.such.Revision"), e.getMessage());
    }
  }
}
