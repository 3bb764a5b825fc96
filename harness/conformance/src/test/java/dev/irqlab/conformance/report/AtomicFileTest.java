package dev.irqlab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files: only a regular file is replaced, whole; a link is followed and stays. */
class AtomicFileTest {
  @TempDir Path dir;

  private String refused(Path file) {
    return assertThrows(ReportException.class, () -> AtomicFile.write(file, "x")).getMessage();
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aDirectoryIsRefusedNamingWhatItIs() {
    assertEquals("cannot write " + dir + ": it is a directory, not a regular file", refused(dir));
    assertEquals("cannot write /: it is a directory, not a regular file", refused(Path.of("/")));
  }

  @Test
  void aDeviceIsRefusedAndStaysADevice() throws IOException {
    Path dev = Path.of("/dev/null");
    assertEquals("cannot write /dev/null: it is a character device, not a regular file", refused(dev));
    assertEquals(020000, ((Integer) Files.getAttribute(dev, "unix:mode")) & 0170000, "/dev/null is still a character device");
  }

  @Test
  void aSocketAndAFifoAreRefused() throws Exception {
    Path sock = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      assertEquals("cannot write " + sock + ": it is a socket, not a regular file", refused(sock));
    }
    Path fifo = dir.resolve("f.fifo");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    assumeTrue(made, "no mkfifo here");
    assertEquals("cannot write " + fifo + ": it is a FIFO, not a regular file", refused(fifo));
  }

  @Test
  void aLinkIsFollowedItsTargetReplacedWholeAndTheLinkStays() throws IOException {
    Path target = dir.resolve("report.json");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    Path link = dir.resolve("latest.json");
    Files.createSymbolicLink(link, Path.of("report.json"));
    AtomicFile.write(link, "new");
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertEquals("new", Files.readString(target));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of(link, target), files(), "no temporary file is left");
  }

  @Test
  void aLinkToADeviceIsRefusedAndADanglingLinkGetsItsTarget() throws IOException {
    Path toNull = dir.resolve("null.json");
    Files.createSymbolicLink(toNull, Path.of("/dev/null"));
    assertEquals("cannot write " + toNull + ": it links to /dev/null, a character device, not a regular file", refused(toNull));
    Path dangling = dir.resolve("dangling.json");
    Files.createSymbolicLink(dangling, Path.of("made.json"));
    AtomicFile.write(dangling, "made");
    assertTrue(Files.isSymbolicLink(dangling));
    assertEquals("made", Files.readString(dir.resolve("made.json"), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aLoopOfLinksAndAMissingFolderAreOneLineErrors() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertEquals("cannot write " + a + ": too many levels of symbolic links", refused(a));
    Path missing = dir.resolve("no/such/report.json");
    assertEquals("cannot write " + missing + ": no such directory " + dir.resolve("no/such"), refused(missing));
    Path file = dir.resolve("file");
    Files.writeString(file, "");
    assertEquals("cannot write " + file.resolve("x.json") + ": " + file + " is not a directory", refused(file.resolve("x.json")));
    assertTrue(Files.exists(a, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aFileThatCannotBeCreatedLeavesNothingBehind() throws IOException {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
    assumeTrue(!Files.isWritable(ro), "running as a user who may write anywhere");
    assertEquals("cannot write " + ro.resolve("r.json") + ": permission denied", refused(ro.resolve("r.json")));
  }
}
