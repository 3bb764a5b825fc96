package dev.irqlab.crev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CBuildTest {
  @Test
  void aMissingCompilerIsNamedWithWhatToDo() {
    CRevisionException e = org.junit.jupiter.api.Assertions.assertThrows(CRevisionException.class,
        () -> CBuild.version("/nonexistent/irqlab-cc"));
    assertEquals("no C compiler '/nonexistent/irqlab-cc': a C revision is compiled with gcc and AddressSanitizer"
        + " (Debian: apt-get install gcc); set CC to use another compiler", e.getMessage());
  }

  /** Every file of the shim's folder is in the list the cache key and the build use, and no other. */
  @Test
  void theShimListNamesEveryFileOfTheShim() throws IOException {
    Path shim = Path.of("src/main/resources/dev/irqlab/crev/shim");
    List<String> files;
    try (Stream<Path> walk = Files.walk(shim)) {
      files = walk.filter(Files::isRegularFile).map(p -> shim.relativize(p).toString()).sorted().toList();
    }
    assertEquals(files, CBuild.SHIM.stream().sorted().toList());
  }
}
