/**
 * Child JVMs: a {@code main} of this program started in a JVM of its own, with the Java home and
 * the class path of the JVM that starts it, as JMH and jcstress fork theirs. The stress and
 * scale commands measure there (a fresh heap and JIT per revision); supervised conformance runs
 * run scenarios there, so that a revision that spins, deadlocks or exits takes only its worker
 * down.
 */
package dev.irqlab.fork;
