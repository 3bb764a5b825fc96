package dev.irqlab.scaffold.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What of the JDK and of this project a revision may name: the decisions, one per row. */
class NamespaceTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "dev.irqlab.rev.v6_17.Provider, OWN",
    "dev.irqlab.rev.v6_17.*, OWN",
    "dev.irqlab.rev.v6_16.Provider, OTHER_REVISION",
    "dev.irqlab.rev.v6_17x.Provider, OTHER_REVISION",
    "dev.irqlab.spi.IrqBypass, SPI",
    "dev.irqlab.spi.*, SPI",
    "dev.irqlab.kernel.ListHead, KERNEL",
    "dev.irqlab.conformance.Scenario, HARNESS",
    "dev.irqlab.devices.*, HARNESS",
    "dev.irqlab.testkit.Fixtures, HARNESS",
    "java.lang.String, JAVA_BASICS",
    "java.lang.Class, JAVA_BASICS",
    "java.lang.*, JAVA_BASICS",
    "java.util.Objects, JAVA_BASICS",
    "java.util.Locale, JAVA_BASICS",
    "java.util.function.Function, JAVA_BASICS",
    "java.util.function.*, JAVA_BASICS",
    "java.util.HashMap, COLLECTIONS",
    "java.util.Map.Entry, COLLECTIONS",
    "java.util.Optional, COLLECTIONS",
    "java.util.*, COLLECTIONS",
    "java.util.stream.Stream, COLLECTIONS",
    "java.util.concurrent.ConcurrentHashMap, CONCURRENCY",
    "java.util.concurrent.atomic.AtomicLong, CONCURRENCY",
    "java.util.concurrent.locks.*, CONCURRENCY",
    "java.lang.reflect.Field, REFLECTION",
    "java.lang.invoke.MethodHandles, REFLECTION",
    "java.lang.ClassLoader, REFLECTION",
    "java.lang.Thread, THREADS",
    "java.lang.Thread.State, THREADS",
    "java.lang.ThreadLocal, THREADS",
    "java.util.Timer, THREADS",
    "java.lang.System, OUTSIDE",
    "java.lang.Runtime, OUTSIDE",
    "java.lang.Module, OUTSIDE",
    "java.lang.ref.WeakReference, OUTSIDE",
    "java.util.regex.Pattern, OUTSIDE",
    "java.util.Random, OUTSIDE",
    "java.util.UUID, OUTSIDE",
    "java.util.ServiceLoader, REFLECTION",
    "java.util.Iterator, COLLECTIONS",
    "java.io.File, OUTSIDE",
    "javax.annotation.Nullable, OUTSIDE",
    "com.google.common.collect.ImmutableList, OUTSIDE",
  })
  void classifies(String name, Namespace expected) {
    assertEquals(expected, Namespace.of(name, "dev.irqlab.rev.v6_17"));
  }
}
