package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.kernel.Mutex;
import dev.irqlab.kernel.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedTest {
  @TempDir Path dir;

  private Path setting(String contents) throws IOException {
    return Files.writeString(dir.resolve("enabled"), contents, StandardCharsets.US_ASCII);
  }

  @Test
  void asksForHugePagesWhereTheHostGivesThemOnRequestOrAlways() throws IOException {
    assertTrue(Forked.hugePages(setting("always [madvise] never\n")));
    assertTrue(Forked.hugePages(setting("[always] madvise never\n")));
  }

  @Test
  void doesNotWhereTheyAreOffOrTheSettingCannotBeRead() throws IOException {
    assertFalse(Forked.hugePages(setting("always madvise [never]\n")));
    assertFalse(Forked.hugePages(dir.resolve("missing")));
    assertFalse(Forked.hugePages(dir));
  }

  @Test
  void theMethodKeptOutOfLineIsTheSchedulersLock() throws NoSuchMethodException {
    assertEquals(VirtualScheduler.class.getName() + "::lock", Forked.SCHEDULER_LOCK);
    VirtualScheduler.class.getDeclaredMethod("lock", Mutex.class, Task.class, boolean.class);
  }
}
