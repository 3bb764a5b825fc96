package dev.irqlab.kernel;

/** {@code enum module_state}, plus the state after the module is gone. */
public enum ModuleState {
  /** Normal state: code may run, references may be taken. */
  LIVE,
  /** Being initialised. */
  COMING,
  /** Being removed: {@code try_module_get} fails. */
  GOING,
  /** Removed: its code and data are freed; running it is a use-after-free. */
  UNLOADED
}
