package dev.irqlab.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a revision sits in a patch series: one module per patch, each the parent of the next,
 * so that a reviewer can read, run and bisect the series patch by patch.
 *
 * @param name the series' short name, which {@code matrix --series} takes ({@code sean-v2}):
 *     lower-case letters, digits and dashes
 * @param cover the cover letter's subject, the same for every patch of the series
 * @param patch this patch's number, from 1
 * @param of how many patches the series has
 */
public record Series(String name, String cover, int patch, int of) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  public Series {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cover, "cover");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "series name '" + name + "': use lower-case letters, digits and '-', starting with a letter or digit");
    }
    if (cover.isBlank()) {
      throw new IllegalArgumentException("series " + name + " has no cover letter subject");
    }
    if (of < 1 || patch < 1 || patch > of) {
      throw new IllegalArgumentException("series " + name + ": patch " + patch + "/" + of + " is not a patch of the series");
    }
  }

  /** The patch's place as a mail subject gives it: {@code 3/8}. */
  public String position() {
    return patch + "/" + of;
  }
}
