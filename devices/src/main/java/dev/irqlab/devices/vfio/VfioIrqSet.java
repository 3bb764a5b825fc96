package dev.irqlab.devices.vfio;

import java.util.List;

/**
 * {@code struct vfio_irq_set}, the argument of {@code VFIO_DEVICE_SET_IRQS}.
 *
 * @param flags one data type ({@link #DATA_NONE}, {@link #DATA_BOOL}, {@link #DATA_EVENTFD})
 *     and one action ({@link #ACTION_MASK}, {@link #ACTION_UNMASK}, {@link #ACTION_TRIGGER})
 * @param index {@link #INTX}, {@link #MSI}, {@link #MSIX}, {@link #ERR} or {@link #REQ}
 * @param start the first vector
 * @param count how many vectors
 * @param data the payload: eventfds (-1 disables a vector) for {@link #DATA_EVENTFD}, 0/1 for
 *     {@link #DATA_BOOL}, nothing for {@link #DATA_NONE}; fewer than {@code count} entries is a
 *     short {@code argsz}
 */
public record VfioIrqSet(int flags, int index, int start, int count, List<Integer> data) {
  public static final int DATA_NONE = 1 << 0;
  public static final int DATA_BOOL = 1 << 1;
  public static final int DATA_EVENTFD = 1 << 2;
  public static final int ACTION_MASK = 1 << 3;
  public static final int ACTION_UNMASK = 1 << 4;
  public static final int ACTION_TRIGGER = 1 << 5;
  static final int DATA_TYPE_MASK = DATA_NONE | DATA_BOOL | DATA_EVENTFD;
  static final int ACTION_TYPE_MASK = ACTION_MASK | ACTION_UNMASK | ACTION_TRIGGER;

  public static final int INTX = 0;
  public static final int MSI = 1;
  public static final int MSIX = 2;
  public static final int ERR = 3;
  public static final int REQ = 4;
  static final int NUM_IRQS = 5;

  public VfioIrqSet {
    data = List.copyOf(data);
  }

  /** Sets the trigger eventfds of vectors {@code start..}: -1 disables a vector. */
  public static VfioIrqSet eventfds(int index, int start, int... fds) {
    return new VfioIrqSet(DATA_EVENTFD | ACTION_TRIGGER, index, start, fds.length, java.util.Arrays.stream(fds).boxed().toList());
  }

  /** {@code ACTION_UNMASK} with an eventfd on INTx: unmask whenever {@code fd} is signalled (-1 stops it). */
  public static VfioIrqSet intxUnmask(int fd) {
    return new VfioIrqSet(DATA_EVENTFD | ACTION_UNMASK, INTX, 0, 1, List.of(fd));
  }

  /** {@code DATA_NONE} with count 0: disables every vector of {@code index}. */
  public static VfioIrqSet disable(int index) {
    return new VfioIrqSet(DATA_NONE | ACTION_TRIGGER, index, 0, 0, List.of());
  }

  /** {@code DATA_NONE} loopback: signals the trigger of each vector in the range. */
  public static VfioIrqSet loopback(int index, int start, int count) {
    return new VfioIrqSet(DATA_NONE | ACTION_TRIGGER, index, start, count, List.of());
  }

  /** {@code DATA_BOOL} loopback: signals the trigger of each vector whose flag is set. */
  public static VfioIrqSet loopback(int index, int start, boolean... fire) {
    List<Integer> bools = new java.util.ArrayList<>();
    for (boolean b : fire) {
      bools.add(b ? 1 : 0);
    }
    return new VfioIrqSet(DATA_BOOL | ACTION_TRIGGER, index, start, fire.length, bools);
  }

  /** {@code MSI-X}, {@code MSI} or {@code INTx}, for names and log lines. */
  static String indexName(int index) {
    return switch (index) {
      case INTX -> "INTx";
      case MSI -> "MSI";
      case MSIX -> "MSI-X";
      case ERR -> "ERR";
      default -> "REQ";
    };
  }
}
