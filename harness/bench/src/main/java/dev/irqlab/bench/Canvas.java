package dev.irqlab.bench;

/**
 * What the charts draw on: SVG text ({@link SvgCanvas}) or a PNG image ({@link PngCanvas}).
 * Coordinates are pixels from the top left; colours are {@code #rrggbb}.
 */
public interface Canvas {
  /** Where a text's x coordinate is. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void rect(double x, double y, double w, double h, String fill);

  void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

  void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed);

  void circle(double cx, double cy, double r, String fill);

  void text(double x, double y, String text, int size, Anchor anchor, String fill);
}
