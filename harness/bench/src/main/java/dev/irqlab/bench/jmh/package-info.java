/**
 * JMH benchmarks. {@code ./irqlab jmh} runs them with every revision on the class path as the
 * {@code revision} parameter, in history order, as the conformance matrix runs them.
 *
 * <p>Each fork gets a 2 GiB heap that the JVM touches before it starts ({@code -Xms2g -Xmx2g
 * -XX:+AlwaysPreTouch}), the heap of the {@code stress} and {@code scale} JVMs. A benchmark that
 * allocates on every call otherwise runs through heap the JVM is still growing into, and pays the
 * host's page fault for each new page of it for the first seconds, which are the seconds JMH
 * measures: at 174000 objects that made a registration about five times as slow.
 */
package dev.irqlab.bench.jmh;
