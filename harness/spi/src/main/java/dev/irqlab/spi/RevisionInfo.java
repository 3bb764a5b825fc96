package dev.irqlab.spi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identity and history of a {@link Revision}.
 *
 * @param id the stable id, which is also the module's folder name ({@code v6.17}, {@code
 *     xarray-v2-2023}): lower-case letters, digits, dots and dashes, starting with a letter or
 *     digit
 * @param title the subject line or the design's name
 * @param authors who wrote it, as they sign their mail
 * @param date when it was posted or merged
 * @param status merged, superseded, rejected or a proposal
 * @param parent the id of the revision it changes, or null for a root of the history
 * @param links commits, mails and reviews
 * @param defaultEra the id of the driver era it runs with by default (the callers of its time)
 * @param summary one or two sentences: what it changed, and what became of it
 * @param lacks the features of the interface it does not have, each with one sentence (the
 *     clauses that need one are N/A for it)
 * @param deviations the clauses of the conformance suite it is known not to meet, each with
 *     why and a link
 * @param series the patch series it is one patch of, or null
 * @param aliases other ids it answers to ({@code v6.17-8} for {@code v6.17}, the series' last
 *     patch and the merged state)
 */
public record RevisionInfo(
    String id,
    String title,
    List<String> authors,
    LocalDate date,
    Status status,
    String parent,
    List<Link> links,
    String defaultEra,
    String summary,
    Map<Feature, String> lacks,
    List<Deviation> deviations,
    Series series,
    List<String> aliases) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  public RevisionInfo {
    Objects.requireNonNull(id, "id");
    if (!isValidId(id) && !isMadeId(id)) {
      throw new IllegalArgumentException(
          "revision id '" + id + "' is not a valid module name: use lower-case letters, digits, '.' and '-', starting with a letter or digit");
    }
    requireText(title, "title", id);
    authors = List.copyOf(authors);
    if (authors.isEmpty()) {
      throw new IllegalArgumentException("revision " + id + " names no author");
    }
    Objects.requireNonNull(date, () -> "revision " + id + " has no date");
    Objects.requireNonNull(status, () -> "revision " + id + " has no status");
    if (parent != null && parent.equals(id)) {
      throw new IllegalArgumentException("revision " + id + " names itself as its parent");
    }
    links = List.copyOf(links);
    requireText(defaultEra, "default era", id);
    requireText(summary, "summary", id);
    EnumMap<Feature, String> lacking = new EnumMap<>(Feature.class);
    lacking.putAll(lacks);
    lacks = Collections.unmodifiableMap(lacking);
    deviations = List.copyOf(deviations);
    aliases = List.copyOf(aliases);
    for (String alias : aliases) {
      if (!isValidId(alias) || alias.equals(id)) {
        throw new IllegalArgumentException("revision " + id + ": alias '" + alias + "' is not another valid id");
      }
    }
    Set<String> seen = new HashSet<>();
    for (Deviation d : deviations) {
      if (!seen.add(d.clause())) {
        throw new IllegalArgumentException("revision " + id + " declares clause " + d.clause() + " twice");
      }
    }
  }

  /** The deviation this revision declares from {@code clause}, if any. */
  public Optional<Deviation> deviation(String clause) {
    return deviations.stream().filter(d -> d.clause().equals(clause)).findFirst();
  }

  /**
   * True for the id of a revision a {@link RevisionFactory} makes, which names no module folder:
   * a lower-case kind and a colon, then where it comes from, with no blank and no comma
   * ({@code c:~/src/linux@v6.17}).
   */
  public static boolean isMadeId(String id) {
    return id != null && id.matches("[a-z]+:[^\\s,]+");
  }

  /** True when {@code id} can name a revision (and its module folder). */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches() && !id.endsWith(".") && !id.contains("..");
  }

  private static void requireText(String value, String what, String id) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("revision " + id + " has no " + what);
    }
  }

  /** A builder, for readable provider classes. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a {@link RevisionInfo}; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private String title;
    private final List<String> authors = new ArrayList<>();
    private LocalDate date;
    private Status status;
    private String parent;
    private final List<Link> links = new ArrayList<>();
    private String defaultEra;
    private String summary;
    private final Map<Feature, String> lacks = new EnumMap<>(Feature.class);
    private final List<Deviation> deviations = new ArrayList<>();
    private Series series;
    private final List<String> aliases = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder author(String author) {
      authors.add(author);
      return this;
    }

    /** The date as {@code yyyy-mm-dd}. */
    public Builder date(String isoDate) {
      this.date = LocalDate.parse(isoDate);
      return this;
    }

    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    public Builder parent(String parent) {
      this.parent = parent;
      return this;
    }

    public Builder link(Link link) {
      links.add(link);
      return this;
    }

    public Builder defaultEra(String era) {
      this.defaultEra = era;
      return this;
    }

    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    /** A feature of the interface it does not have, and why (one sentence). */
    public Builder lacks(Feature feature, String why) {
      lacks.put(feature, why);
      return this;
    }

    /**
     * A clause it is known not to meet: one sentence on what it does instead, a link, and the
     * failures that show it (at least one).
     */
    public Builder deviates(String clause, String why, Link link, Symptom symptom, Symptom... more) {
      List<Symptom> symptoms = new ArrayList<>();
      symptoms.add(symptom);
      symptoms.addAll(List.of(more));
      deviations.add(new Deviation(clause, symptoms, why, link));
      return this;
    }

    /** A declaration as it is, symptoms and all (a copy of another revision's). */
    public Builder deviates(Deviation deviation) {
      deviations.add(deviation);
      return this;
    }

    /** Patch {@code patch} of {@code of} of the series {@code name}, whose cover letter is {@code cover}. */
    public Builder series(String name, String cover, int patch, int of) {
      this.series = new Series(name, cover, patch, of);
      return this;
    }

    /** Another id this revision answers to. */
    public Builder alias(String alias) {
      aliases.add(alias);
      return this;
    }

    public RevisionInfo build() {
      return new RevisionInfo(id, title, authors, date, status, parent, links, defaultEra, summary, lacks, deviations,
          series, aliases);
    }
  }
}
