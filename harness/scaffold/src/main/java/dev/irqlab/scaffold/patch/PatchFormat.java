package dev.irqlab.scaffold.patch;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** The formats of the patch: what {@code ./irqlab source-diff --format} accepts. */
public enum PatchFormat {
  /** Plain text for a mail: summary, list, diffstat, then the diffs. */
  TEXT(TextPatch::render),
  /** JSON, schema {@value JsonPatch#SCHEMA}. */
  JSON(JsonPatch::render);

  private final Function<SourceDiff, String> renderer;

  PatchFormat(Function<SourceDiff, String> renderer) {
    this.renderer = renderer;
  }

  /** The patch in this format, ending with a newline. */
  public String render(SourceDiff d) {
    return renderer.apply(d);
  }

  /** The name the command line uses: {@code text} or {@code json}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format called {@code id}, whatever its case.
   *
   * @throws IllegalArgumentException naming the formats there are
   */
  public static PatchFormat of(String id) {
    for (PatchFormat f : values()) {
      if (f.id().equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + id + "': expected one of "
        + String.join(", ", Arrays.stream(values()).map(PatchFormat::id).toList()));
  }
}
