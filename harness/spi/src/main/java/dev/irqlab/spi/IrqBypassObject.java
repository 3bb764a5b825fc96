package dev.irqlab.spi;

import dev.irqlab.kernel.KObject;
import dev.irqlab.kernel.Kernel;
import java.util.function.Function;

/**
 * What {@link IrqBypassProducer} and {@link IrqBypassConsumer} have in common: the caller's
 * {@code token}; the callback that connects to the other side ({@code add_consumer}, {@code
 * add_producer}), the one that disconnects ({@code del_*}), and the optional {@code stop} and
 * {@code start}; and the slot for the manager-private fields.
 *
 * @param <S> the struct itself, which the callbacks receive first
 * @param <O> the struct of the other side
 */
public abstract class IrqBypassObject<S extends IrqBypassObject<S, O>, O extends IrqBypassObject<O, S>> extends KObject {
  /** {@code int (*add_*)(self, other)}: connects; 0 or a negative errno. */
  @FunctionalInterface
  public interface Add<S, O> {
    int call(S self, O other);
  }

  /** {@code void (*del_*)(self, other)}: disconnects. */
  @FunctionalInterface
  public interface Del<S, O> {
    void call(S self, O other);
  }

  /** {@code void (*stop)(self)} and {@code void (*start)(self)}. */
  @FunctionalInterface
  public interface Callback<S> {
    void call(S self);
  }

  private long token;
  private Add<S, O> add;
  private Del<S, O> del;
  private Callback<S> stop;
  private Callback<S> start;
  private Object priv;

  IrqBypassObject(Kernel kernel, String type, int size) {
    super(kernel, type, size);
  }

  IrqBypassObject(KObject container, String type, int offset, int size) {
    super(container, type, offset, size);
  }

  /** {@code ->token}: the match key, a pointer value (0 is NULL). */
  public final long token() {
    touch();
    return token;
  }

  /** Sets {@code ->token}: the caller's job before 2025, the manager's in Sean's v1. */
  public final void setToken(long token) {
    touch();
    this.token = token;
  }

  /** The {@code add_*} callback, or null. */
  final Add<S, O> add() {
    touch();
    return add;
  }

  final S setAdd(Add<S, O> fn) {
    touch();
    this.add = fn;
    return self();
  }

  /** The {@code del_*} callback, or null. */
  final Del<S, O> del() {
    touch();
    return del;
  }

  final S setDel(Del<S, O> fn) {
    touch();
    this.del = fn;
    return self();
  }

  /** {@code ->stop}, or null. */
  public final Callback<S> stop() {
    touch();
    return stop;
  }

  public final S setStop(Callback<S> fn) {
    touch();
    this.stop = fn;
    return self();
  }

  /** {@code ->start}, or null. */
  public final Callback<S> start() {
    touch();
    return start;
  }

  public final S setStart(Callback<S> fn) {
    touch();
    this.start = fn;
    return self();
  }

  /**
   * The manager-private fields, in the layout of the revision that manages this object.
   *
   * <p>The struct is zeroed when it is allocated, so its private fields exist before any
   * registration: the first access installs {@code zeroed.apply(this)}, later accesses return
   * that same object.
   *
   * @throws IllegalStateException when the slot holds another revision's layout
   */
  public final <T> T priv(Class<T> layout, Function<? super S, ? extends T> zeroed) {
    touch();
    if (priv == null) {
      T fresh = zeroed.apply(self());
      priv = fresh;
      return fresh;
    }
    if (!layout.isInstance(priv)) {
      throw new IllegalStateException(
          this + " already holds private fields of layout " + priv.getClass().getName() + ", not "
              + layout.getName() + ": one object is managed by one revision");
    }
    return layout.cast(priv);
  }

  /** The private fields without installing any (null while none), for views and checks. */
  public final Object privOrNull() {
    return priv;
  }

  /** Touches the struct: the KASAN check of an accessor, for code that reads no field. */
  public final void access() {
    touch();
  }

  abstract S self();
}
