package dev.irqlab.spi;

import java.util.Optional;

/**
 * Makes revisions that are not modules on the class path, from an id that says where they come
 * from: {@code c:PATH[@REF]} names a kernel tree's {@code irqbypass.c}. A service, found through
 * {@code META-INF/services/dev.irqlab.spi.RevisionFactory}; see {@link RevisionLoader#resolve}.
 */
public interface RevisionFactory {
  /**
   * The revision {@code id} names, or empty when the id is not of this factory's kind.
   *
   * @throws IllegalArgumentException when the id is of this kind but names nothing usable (a
   *     missing file, a ref git does not know, a source that does not compile), with a message
   *     for the user
   */
  Optional<Revision> resolve(String id);
}
