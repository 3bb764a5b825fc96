package dev.irqlab.scaffold.patch;

import java.util.Locale;

/** What a member of a source file is, as the patch names it. */
public enum MemberKind {
  PACKAGE,
  IMPORTS,
  CLASS,
  INTERFACE,
  ENUM,
  RECORD,
  ANNOTATION,
  FIELD,
  CONSTANT,
  INITIALIZER,
  CONSTRUCTOR,
  METHOD,
  ELEMENT;

  /** Whether the member is a class, interface, enum, record or annotation type. */
  public boolean isType() {
    return this == CLASS || this == INTERFACE || this == ENUM || this == RECORD || this == ANNOTATION;
  }

  /** {@code method}, {@code class}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
