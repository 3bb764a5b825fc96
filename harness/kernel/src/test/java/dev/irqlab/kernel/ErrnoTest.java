package dev.irqlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrnoTest {
  @Test
  void rendersNegativeErrnoByName() {
    assertEquals("-EBUSY", Errno.name(-Errno.EBUSY));
    assertEquals("-EINVAL", Errno.name(-22));
    assertEquals("-ENODEV", Errno.name(-19));
    assertEquals("-ENOMEM", Errno.name(-12));
    assertEquals("0", Errno.name(0));
  }

  @Test
  void rendersUnknownValuesAsNumbers() {
    assertEquals("-77", Errno.name(-77));
    assertEquals("5", Errno.name(5));
    assertEquals("-100000", Errno.name(-100000));
  }

  @Test
  void ewouldblockIsEagain() {
    assertEquals(Errno.EAGAIN, Errno.EWOULDBLOCK);
    assertEquals("-EAGAIN", Errno.name(-Errno.EWOULDBLOCK));
  }

  @Test
  void parsesWhatItPrints() {
    for (int e : new int[] {0, -Errno.EBUSY, -Errno.EINVAL, -Errno.ENOMEM, -77}) {
      assertEquals(e, Errno.parse(Errno.name(e)));
    }
    assertEquals(-Errno.EBUSY, Errno.parse("-ebusy"));
  }

  @Test
  void parseRejectsGarbageNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Errno.parse("-EBUSTED"));
    assertTrue(e.getMessage().contains("-EBUSTED"), e.getMessage());
  }

  @Test
  void parseIsLocaleProof() {
    // Under tr the upper case of 'i' is a dotted capital I; parsing must not depend on it.
    assertEquals(-Errno.EINVAL, Errno.parse("-einval"));
    assertEquals(-Errno.EIO, Errno.parse("-eio"));
  }

  @Test
  void isErrorCoversTheErrnoRange() {
    assertTrue(Errno.isError(-1));
    assertTrue(Errno.isError(-4095));
    assertFalse(Errno.isError(-4096));
    assertFalse(Errno.isError(0));
  }
}
