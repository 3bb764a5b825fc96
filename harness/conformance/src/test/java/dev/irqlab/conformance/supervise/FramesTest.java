package dev.irqlab.conformance.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {
  private static StackTraceElement frame(String cls, String method, String file, int line) {
    return new StackTraceElement(cls, method, file, line);
  }

  private static final StackTraceElement[] PARKED = {
    frame("jdk.internal.misc.Unsafe", "park", null, -2),
    frame("java.util.concurrent.locks.LockSupport", "park", "LockSupport.java", 211),
    frame("dev.irqlab.rev.v6_16.IrqBypassManager", "connect", "IrqBypassManager.java", 120),
    frame("dev.irqlab.rev.v6_16.IrqBypassManager", "irqBypassRegisterProducer", "IrqBypassManager.java", 160),
    frame("dev.irqlab.conformance.TracingIrqBypass", "registerProducer", "TracingIrqBypass.java", 40),
    frame("dev.irqlab.rev.v6_16.Outer", "call", "Outer.java", 9),
  };

  @Test
  void theFirstFrameThenTheRevisionsFramesWithDotsWhereFramesAreLeftOut() {
    assertEquals(List.of("  at Unsafe.park(Native Method)", "  ...", "  at IrqBypassManager.connect(IrqBypassManager.java:120)",
        "  at IrqBypassManager.irqBypassRegisterProducer(IrqBypassManager.java:160)", "  ...", "  at Outer.call(Outer.java:9)"),
        Frames.lines(PARKED, 0, "  "));
  }

  @Test
  void whereIsTheInnermostRevisionFrame() {
    assertEquals("IrqBypassManager.connect(IrqBypassManager.java:120)", Frames.where(PARKED));
    assertEquals("LockSupport.park(LockSupport.java:211)", Frames.where(new StackTraceElement[] {PARKED[1]}));
    assertEquals("an unknown place", Frames.where(new StackTraceElement[0]));
  }

  @Test
  void theHiddenClassOfALambdaIsNoRevisionFrame() {
    StackTraceElement[] helper = {
      frame("dev.irqlab.rev.spin.IrqBypassManager", "lambda$irqBypassRegisterProducer$2", "IrqBypassManager.java", 165),
      frame("dev.irqlab.rev.spin.IrqBypassManager$$Lambda$90/0x00007fbe050f0228", "run", null, -1),
      frame("java.lang.Thread", "run", "Thread.java", 833),
    };
    assertEquals(List.of("  at IrqBypassManager.lambda$irqBypassRegisterProducer$2(IrqBypassManager.java:165)"), Frames.lines(helper, 0, "  "));
  }

  @Test
  void atMostFourRevisionFramesAreShown() {
    StackTraceElement[] deep = new StackTraceElement[6];
    for (int i = 0; i < deep.length; i++) {
      deep[i] = frame("dev.irqlab.rev.x.M", "f" + i, "M.java", i + 1);
    }
    assertEquals(4, Frames.lines(deep, 0, "").size());
  }

  @Test
  void aFrameWithoutALineSaysWhatIsKnown() {
    assertEquals("Unsafe.park(Native Method)", Frames.frame(PARKED[0]));
    assertEquals("M.f(Unknown Source)", Frames.frame(frame("a.M", "f", null, 3)));
    assertEquals("M.f(M.java)", Frames.frame(frame("a.M", "f", "M.java", -1)));
  }
}
