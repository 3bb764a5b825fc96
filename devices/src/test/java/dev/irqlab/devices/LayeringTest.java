package dev.irqlab.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host and the facilities under it (the guest's ledger, the interrupt domain, the
 * workqueues, kernel memory) import none of the callers: the callers bind to the host as
 * drivers, so the dependency runs one way.
 */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/irqlab/devices");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.irqlab\\.devices\\.([a-z0-9]+)\\.", Pattern.MULTILINE);
  /** The packages of the callers, which may import the layers below them, never the reverse. */
  private static final List<String> CALLERS = List.of("kvm", "user", "vfio", "vdpa", "x86", "arm64");

  @Test
  void theHostAndWhatItStandsOnImportNoCaller() throws IOException {
    List<String> wrong = new ArrayList<>();
    List<Path> lower = new ArrayList<>();
    try (Stream<Path> root = Files.list(SOURCES)) {
      root.filter(p -> p.toString().endsWith(".java")).forEach(lower::add);
    }
    for (String pkg : List.of("guest", "irq", "sched", "mem")) {
      try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(lower::add);
      }
    }
    for (Path file : lower) {
      Matcher m = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        if (CALLERS.contains(m.group(1))) {
          wrong.add(SOURCES.relativize(file) + " imports " + m.group(1));
        }
      }
    }
    assertTrue(lower.stream().anyMatch(p -> p.endsWith("Host.java")), "Host.java was read");
    assertEquals(List.of(), wrong);
  }
}
