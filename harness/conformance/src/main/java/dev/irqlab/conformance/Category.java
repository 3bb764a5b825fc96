package dev.irqlab.conformance;

/** What part of the contract a clause is about; the matrix groups clauses by it. */
public enum Category {
  REGISTRATION("REG", "registration"),
  PAIRING("PAIR", "pairing"),
  ORDER("ORD", "callback order"),
  UNREGISTRATION("UNR", "unregistration"),
  ERRORS("ERR", "error paths"),
  ALLOCATION("MEM", "allocation failure"),
  MODULE("MOD", "module refcount"),
  LOCKING("LOCK", "locking"),
  LIFETIME("LIFE", "object lifetime"),
  SYSTEM("SYS", "drivers end to end"),
  INVARIANT("INV", "global invariants");

  private final String prefix;
  private final String title;

  Category(String prefix, String title) {
    this.prefix = prefix;
    this.title = title;
  }

  /** The prefix of its clauses' ids: {@code REG}. */
  public String prefix() {
    return prefix;
  }

  public String title() {
    return title;
  }
}
