package dev.irqlab.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * A progress bar on a terminal, redrawn in place twice a second by a daemon thread: {@code
 * [##########..........]  50%  v6.16 v5.9  12 s}. Without a terminal it prints nothing but what
 * {@link #note} is told.
 */
public final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final boolean live;
  private final long total;
  private final LongAdder done = new LongAdder();
  private final Set<String> running = new TreeSet<>();
  private final long start = System.nanoTime();
  private final Thread painter;
  private volatile boolean closed;

  /**
   * @param live whether {@code err} is a terminal the bar may redraw
   * @param total the units of work in all
   */
  public Progress(PrintWriter err, boolean live, long total) {
    this.err = err;
    this.live = live;
    this.total = Math.max(1, total);
    this.painter = new Thread(this::paintLoop, "irqlab-progress");
    painter.setDaemon(true);
    if (live) {
      painter.start();
    }
  }

  /** Counts {@code n} units done. */
  public void advance(int n) {
    done.add(n);
  }

  public synchronized void started(String what) {
    running.add(what);
  }

  /** {@code what} is finished: the line {@code line} is printed above the bar. */
  public synchronized void finished(String what, String line) {
    running.remove(what);
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
    double f = Math.min(1, (double) done.sum() / total);
    int filled = (int) Math.round(f * 30);
    String bar = "#".repeat(filled) + ".".repeat(30 - filled);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    String names = String.join(" ", running);
    String line = String.format(Locale.ROOT, "[%s] %3.0f%%  %ds  %s", bar, f * 100, seconds, names);
    err.print("\r\033[K" + (line.length() > 79 ? line.substring(0, 79) : line));
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
