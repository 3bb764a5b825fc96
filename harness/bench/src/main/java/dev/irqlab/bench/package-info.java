/**
 * The performance story of the IRQ bypass manager, measured on every revision the conformance
 * matrix runs: half of why the 2023 XArray series and Sean Christopherson's 2025 series exist.
 *
 * <ul>
 *   <li>{@link dev.irqlab.bench.StressRun}: the 2023 stress, "174000 irqfds were created
 *       concurrently on an 2.70GHz ICX w/ 144 cores", through the simulated KVM; the mutex wait
 *       and hold times come from the emulated mutex's lock_stat, as Like Xu's did from the
 *       kernel's.
 *   <li>{@link dev.irqlab.bench.ScaleRun}: the cost of one registration against the number of
 *       registered objects, where a list stops being cheaper than an xarray ("at low (tens or
 *       few hundreds) total producer/consumer counts, using a list is faster ... as count creeps
 *       into the thousands, xarray wins easily").
 *   <li>{@code dev.irqlab.bench.jmh}: JMH benchmarks of each revision's register and unregister,
 *       and of the emulated kernel's XArray and list_head against {@code java.util}'s maps.
 * </ul>
 *
 * <p>Speed is measured here and by the commands that run these classes, never asserted by a unit
 * test: the tests check what is counted and printed.
 */
package dev.irqlab.bench;
