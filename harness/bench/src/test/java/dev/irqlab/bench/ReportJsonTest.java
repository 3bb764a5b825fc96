package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON of {@code stress} and {@code scale}, byte for byte: fields in their order, numbers
 * rounded to 3 decimals and never in exponent notation, NaN as null, strings escaped. The
 * expected files are what the reports wrote before they were written with Jackson.
 */
class ReportJsonTest {

  private static String expected(String name) throws IOException {
    try (InputStream in = ReportJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theStressReportKeepsItsFieldsAndNumbers() throws IOException {
    Figures wait = new Figures(12, 117855314.25, 20, 646_000_000L, 5_080_000_000L, 5_500_000_000L, 11_428_340_858L);
    Figures hold = new Figures(3, 0.1234567, 1, 2, 3, 4, 5);
    StressReport report = new StressReport(StressPlan.virtual(144, 174000, true, 144, CostModel.icx2023()), List.of(
        new StressResult("v6.16", "v6.16", "lock \"a\"\n", 174000, 0, 174000, 174000, 2.0, 2.0, 1000, 110, wait, hold, 86999.5, 0),
        new StressResult("v6.17", "v6.17", "-", 174000, 3, 173997, 173997, 0.5, 0.5, 0, 0, Figures.NONE, hold, Double.NaN, 2)));
    assertEquals(expected("stress-report.json"), report.json());
  }

  @Test
  void theScaleReportKeepsItsFieldsAndNumbers() throws IOException {
    ScaleReport report = new ScaleReport(new ScalePlan(100, 30), List.of(
        new ScaleResult("v6.16", List.of(new ScaleResult.Point(10, 401.0, 350.5, 5), new ScaleResult.Point(32, 1e12, 1e-4, 16.0625)),
            "filling to 100 objects would take about 113 s, past the budget of 30.0 s"),
        new ScaleResult("HashMap", List.of(), null)));
    assertEquals(expected("scale-report.json"), report.json());
  }
}
