package dev.irqlab.testkit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.irqlab.spi.IrqBypassObject;
import dev.irqlab.spi.IrqBypassObject.Add;
import dev.irqlab.spi.IrqBypassObject.Callback;
import dev.irqlab.spi.IrqBypassObject.Del;

/**
 * A producer or consumer whose four callbacks are Mockito mocks: {@code add} and {@code del}
 * (add_consumer/del_consumer, or add_producer/del_producer), {@code stop} and {@code start}. A
 * mocked {@code add} returns 0 until {@link #failAdd} scripts an error.
 *
 * @param <S> the struct
 * @param <O> the struct of the other side
 */
public abstract class Scripted<S extends IrqBypassObject<S, O>, O extends IrqBypassObject<O, S>> {
  public final S obj;
  public final Add<S, O> add;
  public final Del<S, O> del;
  public final Callback<S> stop;
  public final Callback<S> start;

  private final Wiring<S, O> wiring;

  /** Installs four callbacks in the struct; null leaves a callback NULL. */
  @FunctionalInterface
  interface Wiring<S, O> {
    void wire(Add<S, O> add, Del<S, O> del, Callback<S> stop, Callback<S> start);
  }

  @SuppressWarnings("unchecked")
  Scripted(S obj, Wiring<S, O> wiring) {
    this.obj = obj;
    this.wiring = wiring;
    this.add = mock(Add.class, obj.name() + ".add");
    this.del = mock(Del.class, obj.name() + ".del");
    this.stop = mock(Callback.class, obj.name() + ".stop");
    this.start = mock(Callback.class, obj.name() + ".start");
    wiring.wire(add, del, stop, start);
  }

  /** Installs the callbacks in the struct; null leaves a callback NULL. */
  final void wire(Add<S, O> add, Del<S, O> del, Callback<S> stop, Callback<S> start) {
    wiring.wire(add, del, stop, start);
  }

  /** The mocks, for {@link org.mockito.Mockito#inOrder} and {@code verifyNoMoreInteractions}. */
  Object[] mocks() {
    return new Object[] {add, del, stop, start};
  }

  /** Makes every later {@code add} call return {@code -errno}. */
  public Scripted<S, O> failAdd(int errno) {
    when(add.call(any(), any())).thenReturn(-Math.abs(errno));
    return this;
  }

  /** Leaves only the callbacks a driver of this side must set: NULL for the others. */
  public abstract Scripted<S, O> withRequiredCallbacksOnly();

  /** Sets every callback of the struct to NULL. */
  public Scripted<S, O> withoutCallbacks() {
    wire(null, null, null, null);
    return this;
  }

  @Override
  public String toString() {
    return obj.name();
  }
}
