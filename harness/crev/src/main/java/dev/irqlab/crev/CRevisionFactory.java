package dev.irqlab.crev;

import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionFactory;
import java.util.Optional;

/** Makes {@code c:PATH[@REF]} revisions: the service {@link dev.irqlab.spi.RevisionLoader#resolve} finds. */
public final class CRevisionFactory implements RevisionFactory {
  @Override
  public Optional<Revision> resolve(String id) {
    return CSource.names(id) ? Optional.of(CRevision.of(id)) : Optional.empty();
  }
}
