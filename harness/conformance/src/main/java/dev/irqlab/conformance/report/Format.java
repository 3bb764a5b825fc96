package dev.irqlab.conformance.report;

import dev.irqlab.conformance.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** The formats of the matrix: what {@code ./irqlab matrix --format} accepts. */
public enum Format {
  TEXT(TextMatrix::render),
  MARKDOWN(MarkdownMatrix::render),
  JSON(Reports::toJson),
  KTAP(KtapMatrix::render),
  HTML(HtmlMatrix::render),
  JUNIT(JunitMatrix::render);

  private final Function<Matrix, String> renderer;

  Format(Function<Matrix, String> renderer) {
    this.renderer = renderer;
  }

  /** The matrix in this format, ending with a newline. */
  public String render(Matrix m) {
    return renderer.apply(m);
  }

  /** The name the command line uses: {@code text}, {@code markdown}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format called {@code id}.
   *
   * @throws IllegalArgumentException naming the formats there are
   */
  public static Format of(String id) {
    for (Format f : values()) {
      if (f.id().equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + id + "': expected one of "
        + String.join(", ", Arrays.stream(values()).map(Format::id).toList()));
  }
}
