package dev.irqlab.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * A {@link Canvas} that paints a PNG image with Java 2D into an image in memory, which needs no
 * display ({@code ./irqlab} runs with {@code java.awt.headless}), at {@value #SCALE} pixels a unit
 * of the chart's coordinates, so that it is sharp on a HiDPI screen: a chart of 860 x 220 is an
 * image of 1720 x 440.
 */
public final class PngCanvas implements Canvas {
  /** Image pixels per chart pixel. */
  public static final int SCALE = 2;

  private final BufferedImage image;
  private final Graphics2D g;

  /** A canvas for a {@code width} x {@code height} chart. */
  public PngCanvas(int width, int height) {
    image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.scale(SCALE, SCALE);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill) {
    g.setColor(Color.decode(fill));
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
    stroke(stroke, width, dashed ? new float[] {4, 3} : null);
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed) {
    stroke(stroke, width, dashed ? new float[] {6, 4} : null);
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < xs.length; i++) {
      if (i == 0) {
        path.moveTo(xs[i], ys[i]);
      } else {
        path.lineTo(xs[i], ys[i]);
      }
    }
    g.draw(path);
  }

  @Override
  public void circle(double cx, double cy, double r, String fill) {
    g.setColor(Color.decode(fill));
    g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
  }

  @Override
  public void text(double x, double y, String text, int size, Anchor anchor, String fill) {
    g.setColor(Color.decode(fill));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
    double w = g.getFontMetrics().stringWidth(text);
    double left = switch (anchor) {
      case START -> x;
      case MIDDLE -> x - w / 2;
      case END -> x - w;
    };
    g.drawString(text, (float) left, (float) y);
  }

  private void stroke(String colour, double width, float[] dash) {
    g.setColor(Color.decode(colour));
    g.setStroke(dash == null
        ? new BasicStroke((float) width)
        : new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dash, 0));
  }

  /** Writes the image as PNG. */
  public void write(OutputStream out) throws IOException {
    g.dispose();
    ImageIO.write(image, "png", out);
  }
}
