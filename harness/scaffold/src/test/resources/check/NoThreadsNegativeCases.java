package dev.irqlab.rev.cases;

import dev.irqlab.kernel.Kernel;

/** Work run in the caller's task, and a type of its own that happens to be called Thread. */
final class NoThreadsNegativeCases {
  private final Kernel kernel;

  NoThreadsNegativeCases(Kernel kernel) {
    this.kernel = kernel;
  }

  void run(Runnable work) {
    kernel.mightSleep();
    work.run();
  }

  static final class Thread {
    void start() {}
  }

  void own() {
    new Thread().start();
  }
}
