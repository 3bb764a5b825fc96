/**
 * JMH benchmarks. {@code ./irqlab jmh} runs them with every revision on the class path as the
 * {@code revision} parameter, in history order, as the conformance matrix runs them.
 */
package dev.irqlab.bench.jmh;
