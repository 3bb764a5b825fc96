package dev.irqlab.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
  /** What a child JVM prints: its arguments, one a line. */
  public static void main(String[] args) {
    for (String a : args) {
      System.out.println(a);
    }
  }

  @Test
  void theCommandIsThisJavaWithTheOptionsTheClassPathTheMainAndItsArguments() {
    List<String> command = ChildJvm.command(ChildJvmTest.class, "a.jar", List.of("-Xmx64m"), List.of("x", "y"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertEquals(List.of(java, "-Xmx64m", "-cp", "a.jar", ChildJvmTest.class.getName(), "x", "y"), command);
  }

  @Test
  void aChildRunsOnThisClassPathAndItsOutputIsReadLineByLine() throws Exception {
    Process p = ChildJvm.start(ChildJvmTest.class, ChildJvm.classPath(), List.of(), List.of("one", "two"));
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread out = ChildJvm.drain(p.getInputStream(), "out", lines::add);
    assertEquals(0, p.waitFor());
    out.join();
    assertEquals(2, lines.size(), lines.toString());
    assertEquals("two", lines.get(1));
  }

  @Test
  void drainReadsUtf8UntilTheEnd() throws InterruptedException {
    List<String> lines = new CopyOnWriteArrayList<>();
    ChildJvm.drain(new ByteArrayInputStream("ça\nva\n".getBytes(StandardCharsets.UTF_8)), "in", lines::add).join();
    assertEquals(List.of("ça", "va"), lines);
  }
}
