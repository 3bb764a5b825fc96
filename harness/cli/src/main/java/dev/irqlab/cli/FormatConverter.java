package dev.irqlab.cli;

import dev.irqlab.conformance.report.Format;
import picocli.CommandLine;

/** {@code --format text|markdown|json|ktap|html|junit}, whatever the case. */
final class FormatConverter implements CommandLine.ITypeConverter<Format> {
  @Override
  public Format convert(String value) {
    try {
      return Format.of(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
