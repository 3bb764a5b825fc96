package dev.irqlab.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The reports' JSON: the fields of a document's records in their order, two-space indent,
 * {@code "name": value}, {@code []} for an empty list, {@code \n} line ends, and every
 * {@code double} rounded to 3 decimals without trailing zeros and never in exponent notation
 * ({@code 117855314}, {@code 0.5}, {@code 2}); a NaN or infinity is {@code null}.
 */
final class ReportJson {
  private static final ObjectWriter WRITER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .defaultLocale(Locale.ROOT)
      .addModule(new SimpleModule().addSerializer(Double.class, new Decimals()).addSerializer(double.class, new Decimals()))
      .build()
      .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ReportJson() {}

  /** {@code document} as JSON, ending with a newline. */
  static String write(Record document) {
    try {
      return WRITER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** A {@code double} to 3 decimals, as {@code %.3f} rounds it, with no trailing zero. */
  private static final class Decimals extends StdSerializer<Double> {
    Decimals() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        out.writeNull();
      } else {
        BigDecimal d = new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        out.writeNumber(d.signum() == 0 ? BigDecimal.ZERO : d);
      }
    }
  }
}
