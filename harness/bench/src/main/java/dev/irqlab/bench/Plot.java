package dev.irqlab.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Writes a chart to a file, as SVG or PNG by the file's extension, and the pieces charts share. */
public final class Plot {
  /** One colour per revision, in history order, then again. */
  static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"
  };
  static final String INK = "#222222";
  static final String GRID = "#dddddd";

  private Plot() {}

  /** Draws a {@code width} x {@code height} chart into {@code file}: {@code .png} is PNG, anything else SVG. */
  static void write(Path file, int width, int height, Consumer<Canvas> draw) throws IOException {
    Files.write(file, render(file, width, height, draw));
  }

  /**
   * A {@code width} x {@code height} chart as the bytes of the file {@code file} names: PNG for
   * a {@code .png} name ({@value PngCanvas#SCALE} image pixels to a chart pixel), SVG for any
   * other.
   */
  public static byte[] render(Path file, int width, int height, Consumer<Canvas> draw) throws IOException {
    Path name = file.getFileName();
    boolean png = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".png");
    if (png) {
      PngCanvas canvas = new PngCanvas(width, height);
      draw.accept(canvas);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      canvas.write(out);
      return out.toByteArray();
    }
    SvgCanvas canvas = new SvgCanvas(width, height);
    draw.accept(canvas);
    return canvas.svg().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * About how wide {@code text} is at {@code size} pixels in the charts' sans-serif font: 0.6 of
   * the size a character, about the mean advance of DejaVu Sans, the widest of the fonts they
   * name, over the lowercase letters, digits and dashes of revision ids.
   */
  static double textWidth(String text, int size) {
    return text.length() * size * 0.6;
  }

  /** {@code 0.1 ns}, {@code 10 ns}, {@code 1 us}, {@code 100 ms}, {@code 1000 s}: a decade of nanoseconds, in its unit. */
  static String decadeOfNs(int exponent) {
    String[] units = {"ns", "us", "ms", "s"};
    int unit = Math.min(Math.max(exponent, 0) / 3, units.length - 1);
    return decimal(exponent - 3 * unit) + " " + units[unit];
  }

  /** {@code 10}, {@code 1k}, {@code 100k}, {@code 1M}, {@code 1000G}: a decade of a count. */
  static String decadeOfCount(int exponent) {
    String[] suffix = {"", "k", "M", "G"};
    int group = Math.min(Math.max(exponent, 0) / 3, suffix.length - 1);
    return decimal(exponent - 3 * group) + suffix[group];
  }

  /** {@code 10^exponent} in plain digits: {@code 0.01}, {@code 1}, {@code 1000}. */
  private static String decimal(int exponent) {
    return BigDecimal.ONE.scaleByPowerOfTen(exponent).toPlainString();
  }
}
