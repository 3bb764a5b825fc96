package dev.irqlab.devices.vdpa;

import dev.irqlab.kernel.EventfdCtx;
import dev.irqlab.kernel.KObject;
import dev.irqlab.spi.IrqBypassProducer;

/**
 * {@code struct vhost_virtqueue} as vhost-vDPA uses it: the call context ({@code struct
 * vhost_vring_call}: the call eventfd and the IRQ bypass producer embedded in it). The vqs are
 * one array allocated at open and freed at release. Every accessor is KASAN-checked.
 */
public final class VhostVirtqueue extends KObject {
  static final String TYPE = "struct vhost_virtqueue";
  static final int SIZE = 256;
  private static final int PRODUCER_OFFSET = 192;

  private final int index;
  private final IrqBypassProducer producer;
  private EventfdCtx callCtx;

  VhostVirtqueue(KObject array, int offset) {
    super(array, TYPE, offset, SIZE);
    this.index = offset / SIZE;
    this.producer = IrqBypassProducer.embeddedIn(this, PRODUCER_OFFSET);
  }

  /** Names the vq {@code name} and its producer {@code name.producer}. */
  void label(String name) {
    setName(name);
    producer.setName(name + ".producer");
  }

  public int index() {
    touch();
    return index;
  }

  /** {@code vq->call_ctx.producer}. */
  public IrqBypassProducer producer() {
    touch();
    return producer;
  }

  /** {@code vq->call_ctx.ctx}: the VHOST_SET_VRING_CALL eventfd, or null. */
  public EventfdCtx callCtx() {
    touch();
    return callCtx;
  }

  void setCallCtx(EventfdCtx ctx) {
    touch();
    this.callCtx = ctx;
  }
}
