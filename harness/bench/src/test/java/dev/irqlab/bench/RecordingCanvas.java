package dev.irqlab.bench;

import java.util.ArrayList;
import java.util.List;

/** A {@link Canvas} that keeps what was drawn on it, for the tests to look at. */
final class RecordingCanvas implements Canvas {
  record Rect(double x, double y, double w, double h, String fill) {}

  record Line(double x1, double y1, double x2, double y2, String stroke) {}

  record Circle(double cx, double cy, String fill) {}

  record Text(double x, double y, String text, int size, Anchor anchor) {}

  final List<Rect> rects = new ArrayList<>();
  final List<Line> lines = new ArrayList<>();
  final List<Circle> circles = new ArrayList<>();
  final List<Text> texts = new ArrayList<>();

  @Override
  public void rect(double x, double y, double w, double h, String fill) {
    rects.add(new Rect(x, y, w, h, fill));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
    lines.add(new Line(x1, y1, x2, y2, stroke));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed) {}

  @Override
  public void circle(double cx, double cy, double r, String fill) {
    circles.add(new Circle(cx, cy, fill));
  }

  @Override
  public void text(double x, double y, String text, int size, Anchor anchor, String fill) {
    texts.add(new Text(x, y, text, size, anchor));
  }
}
