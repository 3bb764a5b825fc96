package dev.irqlab.conformance.fuzz;

import dev.irqlab.conformance.Op;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a scenario to a minimal one that still shows what it showed, by delta debugging: drop
 * runs of operations, halving them until single ones (an object or a file whose creation is
 * dropped takes every use of it along); simplify arguments (a callback that fails succeeds, a
 * consumer or producer gets every callback, a device fewer vectors, an irqfd no flags); repeat
 * until nothing more can go. Then the names are renumbered in order of creation ({@code p0},
 * {@code p1}, {@code efd0}). The result is 1-minimal: dropping any one operation of it loses what
 * it shows.
 *
 * <p>The candidates of each round are tested together, as one batch of runs, so that the workers
 * run them in parallel; the first that still shows it wins, as if they had been tried one by one.
 * When told to stop, it returns the smallest scenario found so far, and says so ({@link #stopped}).
 */
public final class Shrinker {
  /** The most rounds of dropping and simplifying. */
  static final int MAX_ROUNDS = 8;

  private final Function<List<Scenario>, List<Boolean>> holds;
  private final BooleanSupplier stop;
  private int tested;
  private boolean stopped;

  /** @param holds for a batch of scenarios, whether each still shows what is being kept */
  public Shrinker(Function<List<Scenario>, List<Boolean>> holds) {
    this(holds, () -> false);
  }

  /**
   * @param holds for a batch of scenarios, whether each still shows what is being kept
   * @param stop true when time is up: the shrinker returns the smallest scenario found so far
   */
  public Shrinker(Function<List<Scenario>, List<Boolean>> holds, BooleanSupplier stop) {
    this.holds = holds;
    this.stop = stop;
  }

  /** True when the last {@link #shrink} was stopped before its result was 1-minimal. */
  public boolean stopped() {
    return stopped;
  }

  /** How many candidates have been tested. */
  public int tested() {
    return tested;
  }

  /** The smallest scenario found that still shows it; {@code s} itself when nothing can go. */
  public Scenario shrink(Scenario s) {
    stopped = false;
    List<Op> current = ops(s);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Op> dropped = drop(s, current);
      List<Op> simpler = simplify(s, dropped);
      boolean same = simpler.equals(current);
      current = simpler;
      if (same) {
        break;
      }
    }
    Scenario small = scenario(s, current);
    Scenario renamed = renumber(small);
    if (!stopped && renamed != null && !renamed.text().equals(small.text()) && test(List.of(renamed)).get(0)) {
      return renamed;
    }
    return small;
  }

  /** Delta debugging over the operations: complements of ever smaller runs. */
  private List<Op> drop(Scenario s, List<Op> ops) {
    List<Op> current = ops;
    int parts = 2;
    while (current.size() >= 2) {
      List<List<Op>> candidates = new ArrayList<>();
      int size = current.size();
      for (int i = 0; i < parts; i++) {
        int from = i * size / parts;
        int to = (i + 1) * size / parts;
        List<Op> rest = new ArrayList<>(current.subList(0, from));
        rest.addAll(current.subList(to, size));
        List<Op> closed = closed(rest);
        if (!closed.isEmpty() && closed.size() < size && !candidates.contains(closed)) {
          candidates.add(closed);
        }
      }
      List<Op> found = first(s, candidates);
      if (found != null) {
        current = found;
        parts = Math.max(parts - 1, 2);
      } else if (parts >= size) {
        break;
      } else {
        parts = Math.min(parts * 2, size);
      }
    }
    return current;
  }

  /** Every simplification of one argument that still shows it, one at a time. */
  private List<Op> simplify(Scenario s, List<Op> ops) {
    List<Op> current = ops;
    boolean changed = true;
    while (changed) {
      changed = false;
      List<List<Op>> candidates = new ArrayList<>();
      String firstEventfd = current.stream().filter(op -> op instanceof Op.Eventfd).map(op -> ((Op.Eventfd) op).name())
          .findFirst().orElse(null);
      for (int i = 0; i < current.size(); i++) {
        List<Op> forms = new ArrayList<>(simpler(current.get(i)));
        Op same = firstEventfd == null ? null : sameEventfd(current.get(i), firstEventfd);
        if (same != null) {
          forms.add(0, same);
        }
        for (Op simpler : forms) {
          List<Op> c = new ArrayList<>(current);
          c.set(i, simpler);
          candidates.add(c);
        }
      }
      List<Op> found = first(s, candidates);
      if (found != null) {
        current = found;
        changed = true;
      }
    }
    return current;
  }

  /** The simpler forms of one operation, simplest first. */
  static List<Op> simpler(Op op) {
    List<Op> out = new ArrayList<>();
    if (op instanceof Op.NewProducer p) {
      if (p.addResult() != 0) {
        out.add(new Op.NewProducer(p.name(), 0, p.callbacks()));
      }
      if (!p.callbacks()) {
        out.add(new Op.NewProducer(p.name(), p.addResult(), true));
      }
    } else if (op instanceof Op.NewConsumer c) {
      if (c.addResult() != 0) {
        out.add(new Op.NewConsumer(c.name(), 0, c.callbacks()));
      }
      if (c.callbacks() != Op.Callbacks.ALL) {
        out.add(new Op.NewConsumer(c.name(), c.addResult(), Op.Callbacks.ALL));
      }
    } else if (op instanceof Op.Vfio v && v.msix() > 1) {
      out.add(new Op.Vfio(v.name(), v.msi(), v.msix() - 1));
    } else if (op instanceof Op.Vdpa v && v.vqs() > 1) {
      out.add(new Op.Vdpa(v.name(), v.vqs() - 1));
    } else if (op instanceof Op.Irqfd q && q.noIrqBypass()) {
      out.add(new Op.Irqfd(q.vm(), q.efd(), q.gsi(), q.assign(), false));
    } else if (op instanceof Op.SetIrqs si && si.efds().size() > 1) {
      out.add(new Op.SetIrqs(si.dev(), si.index(), si.start(), si.efds().subList(0, 1)));
      out.add(new Op.SetIrqs(si.dev(), si.index(), si.start() + 1, si.efds().subList(1, si.efds().size())));
    } else if (op instanceof Op.Route r && (r.vcpu() != 0 || r.vector() != 0x40)) {
      out.add(new Op.Route(r.vm(), r.gsi(), 0, 0x40));
    } else if (op instanceof Op.RouteLogical r) {
      out.add(new Op.Route(r.vm(), r.gsi(), Integer.numberOfTrailingZeros(r.vcpuMask()), r.vector()));
    } else if (op instanceof Op.RouteIrqchip r) {
      out.add(new Op.Route(r.vm(), r.gsi(), 0, 0x40));
    }
    return out;
  }

  /**
   * The operation with the first eventfd in place of another, so that the other may go: null
   * when it uses none or only that one.
   */
  static Op sameEventfd(Op op, String first) {
    if (op instanceof Op.Register r && !"NULL".equals(r.key()) && !r.key().equals(first)) {
      return new Op.Register(r.name(), first);
    }
    if (op instanceof Op.Irqfd q && !q.efd().equals(first)) {
      return new Op.Irqfd(q.vm(), first, q.gsi(), q.assign(), q.noIrqBypass());
    }
    if (op instanceof Op.VringCall v && !"-".equals(v.efd()) && !v.efd().equals(first)) {
      return new Op.VringCall(v.dev(), v.vq(), first);
    }
    if (op instanceof Op.Signal sg && !sg.efd().equals(first)) {
      return new Op.Signal(first);
    }
    return null;
  }

  /**
   * The operations of {@code ops} whose names are all created before them: dropping the creation
   * of an object or a file drops every use of it.
   */
  public static List<Op> closed(List<Op> ops) {
    Set<String> defined = new HashSet<>();
    List<Op> out = new ArrayList<>();
    for (Op op : ops) {
      boolean ok = op.refs().stream().allMatch(r -> r.defines() || defined.contains(r.name()));
      if (ok) {
        op.refs().stream().filter(Op.Ref::defines).forEach(r -> defined.add(r.name()));
        out.add(op);
      }
    }
    return out;
  }

  /** The first candidate that still shows it, or null; all tested in one batch. */
  private List<Op> first(Scenario s, List<List<Op>> candidates) {
    if (stop.getAsBoolean()) {
      stopped = true;
      return null;
    }
    List<Scenario> scenarios = new ArrayList<>();
    List<List<Op>> kept = new ArrayList<>();
    for (List<Op> c : candidates) {
      try {
        scenarios.add(scenario(s, c));
        kept.add(c);
      } catch (RuntimeException notAScenario) {
        // a candidate the grammar refuses is no scenario: skip it
      }
    }
    if (scenarios.isEmpty()) {
      return null;
    }
    List<Boolean> results = test(scenarios);
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i)) {
        return kept.get(i);
      }
    }
    return null;
  }

  private List<Boolean> test(List<Scenario> scenarios) {
    tested += scenarios.size();
    return holds.apply(scenarios);
  }

  private static List<Op> ops(Scenario s) {
    return s.steps().stream().map(Step::op).toList();
  }

  private static Scenario scenario(Scenario like, List<Op> ops) {
    List<Step> steps = new ArrayList<>();
    for (Op op : ops) {
      steps.add(new Step(steps.size() + 1, null, op, List.of()));
    }
    return new Scenario(like.id(), like.title(), like.origin(), steps, like.host());
  }

  private static final Pattern NAME = Pattern.compile("^([A-Za-z]+)[0-9]+$");

  /**
   * The scenario with its names renumbered in order of creation, each family on its own ({@code
   * p3} becomes {@code p0} when it is the first producer made); null when it cannot be read back.
   */
  static Scenario renumber(Scenario s) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Integer> next = new LinkedHashMap<>();
    for (Step st : s.steps()) {
      for (Op.Ref r : st.op().refs()) {
        Matcher m = NAME.matcher(r.name());
        if (r.defines() && m.matches()) {
          int n = next.merge(m.group(1), 1, Integer::sum) - 1;
          names.put(r.name(), m.group(1) + n);
        }
      }
    }
    StringBuilder text = new StringBuilder("scenario " + s.id() + "\ntitle " + s.title() + "\n");
    Pattern word = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    for (Step st : s.steps()) {
      Matcher m = word.matcher(st.op().text());
      StringBuilder line = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(line, Matcher.quoteReplacement(names.getOrDefault(m.group(), m.group())));
      }
      m.appendTail(line);
      text.append(line).append('\n');
    }
    try {
      Scenario read = ScenarioParser.parse(s.origin(), s.id(), text.toString());
      return new Scenario(s.id(), s.title(), s.origin(), read.steps(), s.host());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
