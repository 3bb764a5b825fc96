package dev.irqlab.rev.cases;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.kernel.Module;

/** java.lang basics, and the kernel's Module (not java.lang.Module). */
final class OnlySpiAndKernelNegativeCases {
  private final Module thisModule;

  OnlySpiAndKernelNegativeCases(Kernel kernel) {
    this.thisModule = Module.loadable(kernel, "irqbypass");
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(Long.toHexString(Math.max(1L, 2L))).append(Character.toUpperCase('a'));
    if (out.length() == 0) {
      throw new IllegalStateException("empty");
    }
    return out.toString() + Integer.valueOf(thisModule.refcount());
  }
}
