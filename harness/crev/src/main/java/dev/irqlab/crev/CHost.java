package dev.irqlab.crev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A C revision's host program, running: a fork server on a Unix socket. Each {@link #connect}
 * is one load of the manager, in a child forked from the pristine server. The server ends when
 * this JVM does (its standard input closes), and each child when its server ends.
 */
final class CHost {
  private final Process process;
  private final Path socket;

  private CHost(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts {@code program} and waits until it listens. */
  static CHost start(Path program, String id) {
    try {
      Path dir = Files.createTempDirectory("irqlab-c");
      dir.toFile().deleteOnExit();
      Path socket = dir.resolve("host.sock");
      socket.toFile().deleteOnExit();
      ProcessBuilder pb = new ProcessBuilder(program.toString(), socket.toString());
      String log = System.getenv("IRQLAB_C_LOG");
      pb.redirectError(log == null || log.isBlank() ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(Path.of(log).toFile()));
      Process p = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
      String ready = out.readLine();
      if (!"ready".equals(ready)) {
        p.destroyForcibly();
        throw new CRevisionException(id + ": its host program did not start (" + (ready == null ? "it exited" : ready) + ")");
      }
      return new CHost(p, socket);
    } catch (IOException e) {
      throw new CRevisionException(id + ": cannot start its host program " + program + ": " + e.getMessage(), e);
    }
  }

  /** A new load: a connection to a fresh child. */
  SocketChannel connect() throws IOException {
    if (!process.isAlive()) {
      throw new IOException("the C host program ended (exit " + process.exitValue() + ")");
    }
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return ch;
  }
}
