package dev.irqlab.scaffold;

import java.util.List;

/**
 * Lines the scaffold inserted into a file that lists the revision modules; nothing else in the
 * file changed, so deleting these lines gives the file back byte for byte.
 *
 * @param file the file, relative to the repository root, with {@code /}
 * @param line the number of the first inserted line in the new file (from 1)
 * @param lines the inserted lines, without line ends
 * @param what what the lines add, for a person: {@code <module>v6.18</module>}
 */
public record Insertion(String file, int line, List<String> lines, String what) {
  public Insertion {
    lines = List.copyOf(lines);
  }

  /** {@code 28} or {@code 76-81}. */
  public String lineRange() {
    return lines.size() == 1 ? Integer.toString(line) : line + "-" + (line + lines.size() - 1);
  }
}
