package dev.irqlab.conformance.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a text file as bytes: flipped bytes and bits, truncation, deleted and duplicated
 * ranges, tokens and lines, numbers made huge or negative, and words, lines and characters from
 * a dictionary (byte order marks, invisible and right-to-left characters, bytes that are not
 * UTF-8). Every choice comes from the one {@link SplittableRandom}, so a seed gives one input.
 */
public final class Mutator {
  /** Numbers at and past the edges of what a field may hold. */
  static final List<String> NUMBERS = List.of("0", "-1", "-0", "1", "63", "64", "4095", "4096", "2047", "2048",
      "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999",
      "0x", "0x7fffffff", "0xffffffffff", "1e3", "1.5", "+5", "\u0663", "\uff15", "00000000000000000000001");

  /** Characters and byte sequences that break careless text handling. */
  static final List<byte[]> ODD = List.of(
      bytes("\uFEFF"), bytes("\u200b"), bytes("\u00a0"), bytes("\u202e"), bytes("\u0301"), bytes("\uD83D\uDE00"),
      bytes("\u0000"), bytes("\r"), bytes("\t"), bytes("\u001b[31m"), bytes("\\"), bytes("'"), bytes("\""), bytes("#"),
      bytes(":"), bytes("="), new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x80},
      new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

  private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");
  private static final Pattern TOKEN = Pattern.compile("[^\\s\"{}\\[\\],:]+");

  private final SplittableRandom random;
  private final List<String> words;
  private final List<String> lines;

  /**
   * @param random every choice
   * @param words words to put in: the format's own (verbs, keys, names)
   * @param lines whole lines to put in
   */
  public Mutator(SplittableRandom random, List<String> words, List<String> lines) {
    this.random = random;
    this.words = words;
    this.lines = lines;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One to {@code max} mutations of {@code seed}. */
  public byte[] mutate(byte[] seed, int max) {
    byte[] out = seed;
    int n = 1 + random.nextInt(max);
    for (int i = 0; i < n; i++) {
      out = once(out);
    }
    return out;
  }

  /** One mutation. */
  public byte[] once(byte[] in) {
    if (in.length == 0) {
      return bytes(pick(lines));
    }
    int at = random.nextInt(in.length + 1);
    return switch (random.nextInt(14)) {
      case 0 -> set(in, at, (byte) random.nextInt(256));
      case 1 -> set(in, at, (byte) (at < in.length ? in[at] ^ (1 << random.nextInt(8)) : 0));
      case 2 -> slice(in, 0, at);
      case 3 -> splice(in, at, Math.min(in.length, at + 1 + random.nextInt(16)), new byte[0]);
      case 4 -> splice(in, at, at, slice(in, at, Math.min(in.length, at + 1 + random.nextInt(32))));
      case 5 -> splice(in, at, at, pick(ODD));
      case 6 -> replaceMatch(in, DIGITS, bytes(pick(NUMBERS)));
      case 7 -> replaceMatch(in, TOKEN, bytes(pick(words)));
      case 8 -> replaceMatch(in, TOKEN, new byte[0]);
      case 9 -> duplicateMatch(in, TOKEN);
      case 10 -> lines(in, 0);
      case 11 -> lines(in, 1);
      case 12 -> lines(in, 2);
      default -> splice(in, at, at, bytes(" " + pick(words) + " "));
    };
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static byte[] set(byte[] in, int at, byte b) {
    if (at >= in.length) {
      return splice(in, at, at, new byte[] {b});
    }
    byte[] out = in.clone();
    out[at] = b;
    return out;
  }

  private static byte[] slice(byte[] in, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(in, from, out, 0, to - from);
    return out;
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] with) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + with.length);
    out.write(in, 0, from);
    out.write(with, 0, with.length);
    out.write(in, to, in.length - to);
    return out.toByteArray();
  }

  /** Replaces one match of {@code p} (in the bytes read as Latin-1, so offsets are bytes) with {@code with}. */
  private byte[] replaceMatch(byte[] in, Pattern p, byte[] with) {
    int[] m = match(in, p);
    return m == null ? in : splice(in, m[0], m[1], with);
  }

  private byte[] duplicateMatch(byte[] in, Pattern p) {
    int[] m = match(in, p);
    return m == null ? in : splice(in, m[1], m[1], splice(slice(in, m[0], m[1]), 0, 0, bytes(" ")));
  }

  private int[] match(byte[] in, Pattern p) {
    Matcher m = p.matcher(new String(in, StandardCharsets.ISO_8859_1));
    List<int[]> all = new ArrayList<>();
    while (m.find()) {
      all.add(new int[] {m.start(), m.end()});
    }
    return all.isEmpty() ? null : pick(all);
  }

  /** Deletes (0), duplicates (1) or adds (2) a line. */
  private byte[] lines(byte[] in, int how) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n') {
        starts.add(i + 1);
      }
    }
    int k = random.nextInt(starts.size());
    int from = starts.get(k);
    int to = k + 1 < starts.size() ? starts.get(k + 1) : in.length;
    return switch (how) {
      case 0 -> splice(in, from, to, new byte[0]);
      case 1 -> splice(in, from, from, slice(in, from, to));
      default -> splice(in, from, from, bytes(pick(lines) + "\n"));
    };
  }
}
