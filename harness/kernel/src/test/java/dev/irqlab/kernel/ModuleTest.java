package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleTest {
  private final Kernel kernel = new Kernel();
  private final Module module = Module.loadable(kernel, "irqbypass");

  @Test
  void referencesCountAndAnUnreferencedModuleUnloads() {
    assertEquals(0, module.refcount());
    assertTrue(module.tryGet());
    assertTrue(module.tryGet());
    assertEquals(2, module.refcount());
    module.put();
    module.put();
    assertEquals(0, module.refcount());
    List<String> ran = new ArrayList<>();
    module.setExit(() -> ran.add("exit"));
    assertEquals(0, module.unload());
    assertEquals(List.of("exit"), ran);
    assertEquals(ModuleState.UNLOADED, module.state());
    assertTrue(kernel.log().reports().isEmpty());
  }

  @Test
  void unloadIsRefusedWhileReferencedAndTheModuleStaysLive() {
    module.tryGet();
    List<String> ran = new ArrayList<>();
    module.setExit(() -> ran.add("exit"));
    assertEquals(-Errno.EWOULDBLOCK, module.unload());
    assertEquals(ModuleState.LIVE, module.state());
    assertEquals(1, module.refcount());
    assertTrue(ran.isEmpty());
    assertTrue(module.tryGet());
  }

  @Test
  void tryGetFailsWhileTheModuleIsGoing() {
    List<Boolean> during = new ArrayList<>();
    module.setExit(() -> during.add(module.tryGet()));
    assertEquals(0, module.unload());
    assertEquals(List.of(false), during);
  }

  @Test
  void tryGetFailsAtItsFaultPoint() {
    kernel.faults().failNth(Module.TRY_MODULE_GET, 1);
    assertFalse(module.tryGet());
    assertTrue(module.tryGet());
    assertEquals(1, module.refcount());
  }

  @Test
  void oneUnbalancedPutIsSilentAndTheNextWarnsAsInTheKernel() {
    // module_put is atomic_dec_if_positive on refcnt = MODULE_REF_BASE + references.
    module.put();
    assertEquals(-1, module.refcount());
    assertTrue(kernel.log().events(EventKind.WARNING).isEmpty());
    module.put();
    assertEquals(-1, module.refcount());
    assertEquals(1, kernel.log().events(EventKind.WARNING).size());
  }

  @Test
  void anUnderflowedModuleCannotBeUnloaded() {
    module.put();
    assertEquals(-Errno.EWOULDBLOCK, module.unload());
    assertEquals(ModuleState.LIVE, module.state());
  }

  @Test
  void enteringUnloadedCodeIsAnOops() {
    module.enterText("irq_bypass_register_producer");
    assertEquals(0, module.unload());
    Oops oops = assertThrows(Oops.class, () -> module.enterText("irq_bypass_unregister_consumer"));
    assertEquals(EventKind.BUG, oops.event().kind());
    assertTrue(oops.event().message().startsWith("BUG: unable to handle page fault"));
    assertTrue(oops.event().details().get(1).contains("irq_bypass_unregister_consumer"));
  }

  @Test
  void unloadingTwiceIsBusy() {
    assertEquals(0, module.unload());
    assertEquals(-Errno.EBUSY, module.unload());
  }

  @Test
  void builtinCodeHasNoRefcountAndCannotBeUnloaded() {
    Module builtin = Module.builtin(kernel, "irqbypass");
    kernel.faults().failAlways(Module.TRY_MODULE_GET);
    assertTrue(builtin.tryGet());
    builtin.put();
    builtin.put();
    assertEquals(0, builtin.refcount());
    assertEquals(-Errno.ENOENT, builtin.unload());
    assertEquals(ModuleState.LIVE, builtin.state());
    assertTrue(kernel.log().reports().isEmpty());
  }
}
