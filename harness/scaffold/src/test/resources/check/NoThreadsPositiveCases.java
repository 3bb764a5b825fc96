package dev.irqlab.rev.cases;

/** Java threads, started or implied, instead of the caller's task. */
final class NoThreadsPositiveCases {
  private final ThreadLocal<String> current = new ThreadLocal<>(); // BUG: no-threads

  void start(Runnable work) {
    new Thread(work).start(); // BUG: no-threads
    Thread.yield(); // BUG: no-threads
  }

  void later() {
    new java.util.Timer().cancel(); // BUG: no-threads
  }

  long count(Iterable<String> names, java.util.stream.Stream<String> stream) { // BUG: no-collections
    return stream.parallel().count(); // BUG: no-threads
  }
}
