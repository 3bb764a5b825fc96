package dev.irqlab.devices.mem;

import dev.irqlab.kernel.Gfp;
import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code kcalloc(n, size)} / {@code kmalloc_array}: one slab object holding {@code n} structs
 * embedded at {@code i * size}, freed together (VFIO's list-era {@code vdev->ctx}, vhost's
 * {@code vqs}). Touching an element after the array is freed is a use-after-free.
 */
public final class KArray<T extends KObject> extends KObject {
  private final List<T> elements;

  private KArray(Kernel kernel, String type, int n, int size, BiFunction<KObject, Integer, T> element) {
    super(kernel, type + "[" + n + "]", Math.max(1, n) * size);
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(element.apply(this, i * size));
    }
    this.elements = List.copyOf(list);
  }

  /**
   * Allocates {@code n} zeroed structs of {@code size} bytes, each made by {@code element(array,
   * offset)}; null when the allocation fails.
   *
   * @param type the element's C type ({@code struct vfio_pci_irq_ctx})
   */
  public static <T extends KObject> KArray<T> alloc(
      Kernel kernel, String type, int n, int size, BiFunction<KObject, Integer, T> element) {
    String cache = type.startsWith("struct ") ? type.substring("struct ".length()) : type;
    return kernel.memory().kzalloc(cache, Gfp.KERNEL, () -> new KArray<>(kernel, type, n, size, element));
  }

  /** Element {@code i} (no bounds beyond Java's: check before, as C code does). */
  public T get(int i) {
    return elements.get(i);
  }

  public int length() {
    return elements.size();
  }
}
