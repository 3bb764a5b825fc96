package dev.irqlab.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar on a terminal, redrawn in place twice a second by a daemon thread: {@code
 * [##########..........]  50%  12s  ~1m30s left  v6.16 v5.9}. Without a terminal it prints
 * nothing but what {@link #note} is told.
 *
 * <p>The work is a number of items (revisions) of {@code units} each. The time left is estimated
 * from the items' own pace: an item under way is extrapolated from how its time grew with its
 * units so far (linearly, or as the square of the units done when each unit costs more than the
 * one before, as a registration that walks every object before it does); an item not started yet
 * is taken to cost what the items seen so far cost on average. So the estimate is rough while the
 * first item runs, and falls when cheaper items follow dearer ones.
 */
public final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final boolean live;
  private final long total;
  private final LongSupplier clock;
  private final LongAdder done = new LongAdder();
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final long start;
  private final Thread painter;
  private int parallel = 1;
  private long itemUnits;
  private int itemCount;
  private volatile boolean closed;

  /** One item under way or done. */
  private static final class Item {
    final long begin;
    final LongAdder units = new LongAdder();
    /** (units, ns since begin) as sampled at each paint, to see how the time grows. */
    final List<long[]> samples = new ArrayList<>();
    long took = -1;

    Item(long begin) {
      this.begin = begin;
    }
  }

  /**
   * @param live whether {@code err} is a terminal the bar may redraw
   * @param total the units of work in all
   */
  public Progress(PrintWriter err, boolean live, long total) {
    this(err, live, total, System::nanoTime);
  }

  Progress(PrintWriter err, boolean live, long total, LongSupplier clock) {
    this.err = err;
    this.live = live;
    this.total = Math.max(1, total);
    this.clock = clock;
    this.start = clock.getAsLong();
    this.painter = new Thread(this::paintLoop, "irqlab-progress");
    painter.setDaemon(true);
    if (live) {
      painter.start();
    }
  }

  /** The work is {@code count} items of {@code units} each, {@code parallel} of them at a time: for the estimate of the time left. */
  public synchronized Progress items(int count, long units, int parallel) {
    this.itemCount = count;
    this.itemUnits = Math.max(1, units);
    this.parallel = Math.max(1, Math.min(parallel, count));
    return this;
  }

  /** Counts {@code n} units done, of no item in particular. */
  public void advance(int n) {
    done.add(n);
  }

  public synchronized void started(String what) {
    items.put(what, new Item(clock.getAsLong()));
  }

  /** Counts units done of the item {@code what}, which has {@link #started}. */
  public synchronized IntConsumer of(String what) {
    Item item = items.get(what);
    return n -> {
      done.add(n);
      item.units.add(n);
    };
  }

  /** {@code what} is finished: the line {@code line} is printed above the bar. */
  public synchronized void finished(String what, String line) {
    Item item = items.get(what);
    if (item != null) {
      item.took = clock.getAsLong() - item.begin;
    }
    note(line);
  }

  /** Prints a line above the bar (or alone, without a terminal). */
  public synchronized void note(String line) {
    if (live) {
      err.print("\r\033[K");
    }
    err.println(line);
    err.flush();
  }

  /**
   * The estimated ns left, or -1 while there is nothing to go on: see the class comment. Also
   * takes a sample of each item under way.
   */
  synchronized long left() {
    if (itemCount == 0) {
      return -1;
    }
    long now = clock.getAsLong();
    double remaining = 0;
    double seen = 0;
    int counted = 0;
    int unknown = Math.max(0, itemCount - items.size());
    for (Item item : items.values()) {
      if (item.took >= 0) {
        seen += item.took;
        counted++;
        continue;
      }
      long units = item.units.sum();
      long elapsed = now - item.begin;
      item.samples.add(new long[] {units, elapsed});
      if (units == 0 || elapsed <= 0) {
        unknown++;
        continue;
      }
      double f = Math.min(1, (double) units / itemUnits);
      double whole = elapsed * Math.pow(1 / f, exponent(item, units, elapsed));
      remaining += Math.max(0, whole - elapsed);
      seen += whole;
      counted++;
    }
    if (counted == 0) {
      return -1;
    }
    remaining += unknown * (seen / counted);
    return (long) (remaining / parallel);
  }

  /**
   * How the item's time grows with its units, from the sample at about half its units now: 1
   * when each unit costs the same, 2 when the cost of a unit grows with the units before it.
   */
  private static double exponent(Item item, long units, long elapsed) {
    for (long[] s : item.samples) {
      if (s[0] > 0 && s[0] >= units / 2 && s[0] < units && s[1] > 0 && s[1] < elapsed) {
        double p = Math.log((double) elapsed / s[1]) / Math.log((double) units / s[0]);
        return Math.max(1, Math.min(2, p));
      }
    }
    return 1;
  }

  /** The bar as painted now. */
  synchronized String line() {
    double f = Math.min(1, (double) done.sum() / total);
    int filled = (int) Math.round(f * 30);
    String bar = "#".repeat(filled) + ".".repeat(30 - filled);
    long seconds = (clock.getAsLong() - start) / 1_000_000_000L;
    long left = left();
    String eta = left < 0 ? "" : "  ~" + clockTime(left) + " left";
    List<String> running = new ArrayList<>();
    items.forEach((name, item) -> {
      if (item.took < 0) {
        running.add(name);
      }
    });
    String line = String.format(Locale.ROOT, "[%s] %3.0f%%  %s%s  %s", bar, f * 100, clockTime(seconds * 1_000_000_000L), eta,
        String.join(" ", running));
    return line.length() > 79 ? line.substring(0, 79) : line;
  }

  /** {@code 45s}, {@code 3m05s}, {@code 1h02m}. */
  static String clockTime(long nanos) {
    long s = Math.round(nanos / 1e9);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }

  private void paintLoop() {
    while (!closed) {
      paint();
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void paint() {
    if (closed) {
      return;
    }
    err.print("\r\033[K" + line());
    err.flush();
  }

  @Override
  public synchronized void close() {
    closed = true;
    painter.interrupt();
    if (live) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
