package dev.irqlab.scaffold;

import dev.irqlab.spi.RevisionInfo;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The rule for the id of a new revision module, which is also its folder name, its artifact
 * ({@code irqlab-revision-<id>}) and, with {@code .} and {@code -} turned into {@code _}, the
 * last segment of its package ({@code dev.irqlab.rev.<segment>}).
 *
 * <p>An id is one or more words of lower-case letters and digits joined by single {@code .} or
 * {@code -}; it starts with a letter (so that its package segment is a Java name), is not a Java
 * keyword once turned into a segment, and is not {@code target} (which the build and git ignore).
 * Examples: {@code v6.18}, {@code proposal-report-errors}, {@code xarray-v3-2024}.
 */
public final class RevisionId {
  /** The package every revision's package sits in. */
  public static final String PACKAGE_PREFIX = "dev.irqlab.rev.";

  /** The rule, as error messages state it. */
  public static final String RULE =
      "lower-case letters and digits in words joined by single '.' or '-', starting with a letter";

  private static final Pattern WORDS = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

  private RevisionId() {}

  /** {@code v6.18} gives {@code v6_18}. */
  public static String packageSegment(String id) {
    return id.replace('.', '_').replace('-', '_');
  }

  /** {@code v6.18} gives {@code dev.irqlab.rev.v6_18}. */
  public static String packageName(String id) {
    return PACKAGE_PREFIX + packageSegment(id);
  }

  /** Checks {@code id} against the rule; a {@link ScaffoldException} saying why when it breaks it. */
  public static void check(String id) {
    if (id == null || id.isEmpty()) {
      throw new ScaffoldException("a revision id is needed: " + RULE);
    }
    if (!WORDS.matcher(id).matches() || !RevisionInfo.isValidId(id)) {
      throw new ScaffoldException("'" + id + "' is not a valid revision id: use " + RULE + " (e.g. v6.18, proposal-report-errors)");
    }
    String segment = packageSegment(id);
    if (!SourceVersion.isIdentifier(segment) || SourceVersion.isKeyword(segment)) {
      throw new ScaffoldException("'" + id + "' is not a valid revision id: its package " + packageName(id) + " is not a Java name");
    }
    if (id.equals("target")) {
      throw new ScaffoldException("'target' is not a valid revision id: the build writes into target/ and git ignores it");
    }
  }
}
