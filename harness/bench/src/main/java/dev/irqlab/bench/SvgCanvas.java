package dev.irqlab.bench;

import java.util.Locale;

/** A {@link Canvas} that writes SVG 1.1. */
public final class SvgCanvas implements Canvas {
  private final StringBuilder body = new StringBuilder();
  private final int width;
  private final int height;

  public SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill) {
    body.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n", x, y, w, h, fill));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
    body.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
        x1, y1, x2, y2, stroke, width, dashed ? " stroke-dasharray=\"4 3\"" : ""));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      points.append(i == 0 ? "" : " ").append(f("%.1f,%.1f", xs[i], ys[i]));
    }
    body.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
        points, stroke, width, dashed ? " stroke-dasharray=\"6 4\"" : ""));
  }

  @Override
  public void circle(double cx, double cy, double r, String fill) {
    body.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", cx, cy, r, fill));
  }

  @Override
  public void text(double x, double y, String text, int size, Anchor anchor, String fill) {
    String a = switch (anchor) {
      case START -> "start";
      case MIDDLE -> "middle";
      case END -> "end";
    };
    body.append(f("<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
        x, y, size, a, fill, escape(text)));
  }

  /** The whole document. */
  public String svg() {
    return f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n", width, height, width, height)
        + f("<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height)
        + body
        + "</svg>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
