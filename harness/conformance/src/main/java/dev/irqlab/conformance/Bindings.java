package dev.irqlab.conformance;

import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.IrqBypassConsumer;
import dev.irqlab.spi.IrqBypassProducer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * The connections as the partners were told of them: a producer is connected to a consumer once
 * its {@code add_consumer} returned 0 for it, until its {@code del_consumer} ran; a consumer
 * likewise through {@code add_producer} and {@code del_producer}. A side without an {@code add}
 * callback cannot be told, and its view is left out; a pair neither side can be told of is not
 * observable here at all (the manager's own view still shows it, see {@link State}).
 *
 * <p>The traced callbacks ({@link TracingIrqBypass}) feed it; {@link #connections} reads it after
 * each step. Used by the one task that runs the scenario.
 */
final class Bindings {
  /** One side's view of one pair. */
  private record Pair(IrqBypassProducer producer, IrqBypassConsumer consumer) {}

  private final Map<Pair, Boolean> producerViews = new LinkedHashMap<>();
  private final Map<Pair, Boolean> consumerViews = new LinkedHashMap<>();
  private final Set<Pair> order = new LinkedHashSet<>();
  private final Set<Object> tellable = Collections.newSetFromMap(new IdentityHashMap<>());
  private final boolean producerCallbacks;

  /**
   * @param producerCallbacks false when the revision's producers have no callbacks at all (the
   *     2015 prototype): a producer cannot be told then, whatever its struct holds
   */
  Bindings(boolean producerCallbacks) {
    this.producerCallbacks = producerCallbacks;
  }

  /** {@code object} has an {@code add} callback: its view of its pairs counts. */
  void canBeTold(Object object) {
    if (producerCallbacks || !(object instanceof IrqBypassProducer)) {
      tellable.add(object);
    }
  }

  /** A producer's {@code add_consumer} (add) or {@code del_consumer} (del) for {@code consumer}; {@code ret} of an add. */
  void producerTold(IrqBypassProducer producer, IrqBypassConsumer consumer, boolean add, int ret) {
    record(producerViews, new Pair(producer, consumer), add && ret == 0);
  }

  /** A consumer's {@code add_producer} or {@code del_producer} for {@code producer}. */
  void consumerTold(IrqBypassConsumer consumer, IrqBypassProducer producer, boolean add, int ret) {
    record(consumerViews, new Pair(producer, consumer), add && ret == 0);
  }

  private void record(Map<Pair, Boolean> views, Pair pair, boolean connected) {
    views.put(pair, connected);
    order.add(pair);
  }

  /**
   * The pairs at least one side believes connected, in the order they were first told of, each
   * as {@code p0<->c0}, or {@code p0<->c0(c0-only)} when one side that can be told was not;
   * then the pairs of {@code manager} that neither side can be told of.
   */
  List<String> connections(Names names, List<IrqBypass.Connection> manager) {
    List<String> out = new ArrayList<>();
    for (IrqBypass.Connection c : manager) {
      if (!tellable.contains(c.producer()) && !tellable.contains(c.consumer())) {
        order.add(new Pair(c.producer(), c.consumer()));
      }
    }
    for (Pair pair : order) {
      Boolean p = tellable.contains(pair.producer()) ? producerViews.getOrDefault(pair, false) : null;
      Boolean c = tellable.contains(pair.consumer()) ? consumerViews.getOrDefault(pair, false) : null;
      boolean untold = p == null && c == null;
      boolean any = Boolean.TRUE.equals(p) || Boolean.TRUE.equals(c)
          || untold && manager.contains(new IrqBypass.Connection(pair.producer(), pair.consumer()));
      if (!any) {
        continue;
      }
      String producer = names.of(pair.producer());
      String consumer = names.of(pair.consumer());
      String text = producer + "<->" + consumer;
      if (Boolean.FALSE.equals(p)) {
        text += "(" + consumer + "-only)";
      } else if (Boolean.FALSE.equals(c)) {
        text += "(" + producer + "-only)";
      }
      out.add(text);
    }
    return out;
  }
}
