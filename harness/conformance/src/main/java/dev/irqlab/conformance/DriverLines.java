package dev.irqlab.conformance;

import dev.irqlab.devices.DriverTrace;
import dev.irqlab.kernel.KObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drivers' own steps as trace lines ({@link TraceEntry.Kind#DRIVER}), at the nesting level
 * where they ran, with kernel objects under their symbolic names.
 */
final class DriverLines implements DriverTrace {
  private final Recorder rec;

  DriverLines(Recorder rec) {
    this.rec = rec;
  }

  @Override
  public void call(String function, Object... args) {
    List<String> shown = new ArrayList<>();
    for (Object a : args) {
      shown.add(name(a));
    }
    rec.add(TraceEntry.Kind.DRIVER, function + "(" + String.join(", ", shown) + ")", Map.of("driver", function));
  }

  @Override
  public void note(String format, Object... args) {
    String text = format;
    for (Object a : args) {
      int at = text.indexOf("%s");
      if (at < 0) {
        break;
      }
      text = text.substring(0, at) + name(a) + text.substring(at + 2);
    }
    rec.add(TraceEntry.Kind.DRIVER, text, Map.of("driver", "note"));
  }

  private String name(Object a) {
    return a instanceof KObject k ? rec.names().of(k) : String.valueOf(a);
  }
}
