package dev.irqlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesMapsInOrderListsNumbersAndEscapedStrings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of(0.5, 2.0, "x\"y\n"));
    m.put("n", null);
    m.put("t", true);
    m.put("e", List.of());
    assertEquals("""
        {
          "b": 1,
          "a": [
            0.5,
            2,
            "x\\"y\\n"
          ],
          "n": null,
          "t": true,
          "e": []
        }
        """, Json.write(m));
  }
}
