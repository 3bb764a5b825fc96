package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The man pages the build writes to target/generated-docs with picocli's ManPageGenerator (the
 * exec-maven-plugin execution {@code man-pages}, in process-classes, before the tests run).
 */
class ManPageTest {
  private static final Path DOCS = Path.of("target/generated-docs");

  private static String read(String file) throws IOException {
    Path page = DOCS.resolve(file);
    assertTrue(Files.isRegularFile(page), page.toAbsolutePath() + " is missing: './mvnw -B process-classes -pl harness/cli' writes it");
    return Files.readString(page, StandardCharsets.UTF_8);
  }

  private static Set<String> commands() {
    return new CommandLine(new Main()).getSubcommands().keySet();
  }

  @Test
  void theMainPageNamesEveryCommandAndTheExitCodes() throws IOException {
    String page = read("irqlab.adoc");
    assertTrue(page.contains("= irqlab(1)"), page);
    assertFalse(commands().isEmpty());
    for (String command : commands()) {
      assertTrue(page.contains("xref:irqlab-" + command + ".adoc[*" + command + "*]::"), command + " in\n" + page);
    }
    assertTrue(page.contains("Exit codes:") && page.contains("a usage error"), page);
  }

  @Test
  void everyCommandHasAPageOfItsOwnWithItsOptions() throws IOException {
    for (String command : commands()) {
      String page = read("irqlab-" + command + ".adoc");
      assertTrue(page.contains("= irqlab-" + command + "(1)"), page);
      assertTrue(page.contains("*irqlab " + command + "*"), "the synopsis of " + command);
    }
    assertTrue(read("irqlab-new-revision.adoc").contains("*--from*=_PARENT_"));
  }
}
