package dev.irqlab.scaffold.check;

/**
 * One check over the sources of a revision module, for one kind of defect (as an Error Prone bug
 * pattern is): it has a stable id, used in every finding it reports, and a positive and a
 * negative case file under the tests' {@code check/} resources.
 */
public interface RevisionRule {

  /** The id printed in findings, e.g. {@code no-collections}. */
  String id();

  /** Reports every violation of this rule in {@code source}. */
  void check(RevisionSource source, Findings findings);
}
