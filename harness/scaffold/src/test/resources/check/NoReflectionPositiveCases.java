package dev.irqlab.rev.cases;

import java.lang.invoke.MethodHandles; // BUG: no-reflection
import java.lang.reflect.Field; // BUG: no-reflection

/** Reaching into other code by reflection. */
final class NoReflectionPositiveCases {
  Object peek(Object producer) throws Exception {
    Field token = producer.getClass().getDeclaredField("token"); // BUG: no-reflection
    token.setAccessible(true); // BUG: no-reflection
    Class<?> other = Class.forName("dev.irqlab.rev.v6_16.Provider"); // BUG: no-reflection
    Object provider = other.getDeclaredConstructor().newInstance(); // BUG: no-reflection
    java.lang.reflect.Method info = other.getMethod("info"); // BUG: no-reflection
    ClassLoader loader = other.getClassLoader(); // BUG: no-reflection
    java.util.ServiceLoader.load(Object.class); // BUG: no-reflection
    return MethodHandles.lookup();
  }
}
