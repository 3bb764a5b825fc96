package dev.irqlab.spi;

import java.util.Objects;

/**
 * A source for a revision: a commit, a mail, a review.
 *
 * @param label what the link is, in a few words ("NAK by Alex Williamson")
 * @param url where to read it
 */
public record Link(String label, String url) {
  public Link {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(url, "url");
  }

  /** A lore.kernel.org link from a Message-ID. */
  public static Link lore(String label, String messageId) {
    return new Link(label, "https://lore.kernel.org/all/" + messageId + "/");
  }

  /** A torvalds/linux commit. */
  public static Link commit(String label, String sha) {
    return new Link(label, "https://git.kernel.org/torvalds/c/" + sha);
  }
}
