package dev.irqlab.spi;

/**
 * A revision as the {@link RevisionLoader} found it.
 *
 * @param revision the provider
 * @param info its {@link Revision#info()}, read once
 * @param source where its class was loaded from (a jar or a classes folder)
 */
public record LoadedRevision(Revision revision, RevisionInfo info, String source) {
  public String id() {
    return info.id();
  }
}
