package dev.irqlab.bench;

/**
 * What one revision did under a {@link StressPlan}.
 *
 * @param revision the revision's id
 * @param era the driver era it ran with
 * @param lock the manager's mutex whose lock_stat is shown (its name; "-" when it has none)
 * @param irqfds irqfds created
 * @param failed irqfds whose {@code KVM_IRQFD} (or {@code VFIO_DEVICE_SET_IRQS}) failed
 * @param consumers consumers registered with the manager at the end
 * @param connections producer-consumer pairs connected at the end
 * @param seconds the host's wall time from the first task starting to the last one finishing
 * @param makespan the run's own time from the first task starting to the last one finishing, in
 *     seconds: virtual time with the virtual clock, else the same as {@code seconds}
 * @param acquisitions how often the manager's mutex was taken
 * @param contentions how often a task found it held and had to wait
 * @param waitTime the waits of the contended acquisitions, in ns (lock_stat's waittime)
 * @param holdTime how long each acquisition held the mutex, in ns (lock_stat's holdtime)
 * @param listVisitsPerRegistration list nodes the manager's walks visited, per registration
 * @param reports sanitizer, lockdep and WARN reports the kernel logged (0 on a clean run)
 */
public record StressResult(
    String revision,
    String era,
    String lock,
    int irqfds,
    int failed,
    int consumers,
    int connections,
    double seconds,
    double makespan,
    long acquisitions,
    long contentions,
    Figures waitTime,
    Figures holdTime,
    double listVisitsPerRegistration,
    int reports) {}
