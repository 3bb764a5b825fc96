/**
 * The static check of revision modules: a revision's sources ({@code src/main/java}) use only the
 * SPI ({@code dev.irqlab.spi}), the emulated kernel ({@code dev.irqlab.kernel}) and java.lang
 * basics, so that a port keeps the C code's world (lists, xarrays, mutexes of the emulated
 * kernel) and every run starts from a fresh {@code Kernel}.
 *
 * <p>One rule per kind of defect, each with an id that every finding prints ({@code
 * file:line:col: [id] what: why}), and a positive and a negative case file under the tests'
 * {@code check/} resources:
 *
 * <ul>
 *   <li>{@code no-collections}: java.util and java.util.stream, but for {@code java.util.Objects},
 *       {@code java.util.Locale} and {@code java.util.function}; {@code java.util.List} and
 *       {@code ArrayList} only inside the {@code @Override snapshot()} method, because the SPI's
 *       {@code IrqBypass.Snapshot} is made of lists ({@link NoCollections}).
 *   <li>{@code no-concurrency}: java.util.concurrent, {@code synchronized}, {@code volatile},
 *       {@code wait}/{@code notify}/{@code notifyAll} ({@link NoConcurrency}).
 *   <li>{@code no-reflection}: java.lang.reflect, java.lang.invoke, {@code ClassLoader}, {@code
 *       ServiceLoader}, and the reflective methods of {@code Class} such as {@code forName} ({@link
 *       NoReflection}).
 *   <li>{@code no-threads}: {@code Thread}, {@code ThreadLocal}, {@code ThreadGroup}, {@code
 *       java.util.Timer}, parallel streams ({@link NoThreads}).
 *   <li>{@code no-static-mutable-state}: a static field (or a field of an enum, shared as a
 *       static is) that is not final, or whose type is not known to be immutable ({@link
 *       NoStaticMutableState}).
 *   <li>{@code no-other-revision}: another revision's package ({@link NoOtherRevision}).
 *   <li>{@code no-harness}: any other {@code dev.irqlab} package ({@link NoHarness}).
 *   <li>{@code only-spi-and-kernel}: anything else outside the SPI, the kernel and java.lang
 *       basics: other JDK packages, libraries, {@code System}, {@code Runtime}, {@code Process},
 *       and java.util's {@code Random}, {@code Date}, {@code UUID}, ... ({@link
 *       OnlySpiAndKernel}).
 *   <li>{@code revision-package}: every source is in the package of the module's Provider, under
 *       {@code dev.irqlab.rev} ({@link RevisionPackage}).
 * </ul>
 *
 * <p>A type counts wherever a file names it: in an import, as a fully qualified name in code
 * ({@code new java.util.HashMap<>()}, {@code java.util.Collections.emptyList()}), or as a
 * java.lang simple name that needs no import ({@code Thread}, {@code System}). Names are resolved
 * without a class path, as javac does for these: types declared in the file, single-type
 * imports, the module's own types, then java.lang. Where a namespace goes is decided in one
 * place, {@link Namespace#of}.
 *
 * <p>The build runs {@link RevisionCheck#main} on every module of {@code revisions/pom.xml}.
 */
package dev.irqlab.scaffold.check;
