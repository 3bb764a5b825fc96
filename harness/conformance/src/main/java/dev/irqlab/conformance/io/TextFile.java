package dev.irqlab.conformance.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a text file the user named, whole: a regular file (never a directory, a device or a
 * FIFO, which could block or never end), at most a given size, in UTF-8 with a leading byte
 * order mark dropped. Every problem is one line naming the file, and for a byte that is not
 * UTF-8 its line and column.
 */
public final class TextFile {
  private TextFile() {}

  /**
   * The text of {@code file}.
   *
   * @param what what the file should be, for the message: {@code "a scenario file"}
   * @param maxBytes the largest file accepted
   * @throws TextFileException naming the file and what is wrong with it
   */
  public static String read(Path file, String what, long maxBytes) {
    String name = file.toString();
    byte[] bytes;
    try {
      Optional<String> kind = FileKind.notRegular(file);
      if (kind.isPresent()) {
        throw new TextFileException(name, 0, 0, "is " + kind.get() + ": expected " + what);
      }
      bytes = readAtMost(file, maxBytes);
    } catch (NoSuchFileException e) {
      throw new TextFileException(name, 0, 0, "no such file");
    } catch (IOException e) {
      throw new TextFileException(name, 0, 0, "cannot read: " + FileKind.reason(e));
    }
    if (bytes.length > maxBytes) {
      throw new TextFileException(name, 0, 0, String.format(Locale.ROOT,
          "too large (more than %d bytes): expected %s of at most %d bytes", maxBytes, what, maxBytes));
    }
    return decode(name, bytes);
  }

  private static byte[] readAtMost(Path file, long maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
  }

  /** {@code bytes} as strict UTF-8 without a leading byte order mark; the first bad byte is an error at its line and column. */
  public static String decode(String name, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
      int nl = before.lastIndexOf('\n');
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.length() - nl - (line == 1 && before.startsWith("\uFEFF") ? 1 : 0);
      throw new TextFileException(name, line, column, String.format(Locale.ROOT,
          "invalid UTF-8 (byte 0x%02x): expected a UTF-8 text file", bytes[at] & 0xff));
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
