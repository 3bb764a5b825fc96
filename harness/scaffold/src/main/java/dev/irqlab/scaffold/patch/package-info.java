/**
 * The patch between two revisions at the Java level, member by member: which methods,
 * constructors, fields and nested classes one revision adds, removes or changes relative to
 * another, with a unified diff of each and a diffstat.
 *
 * <p>Both revisions are parsed with javaparser. A file is matched by its path under
 * {@code src/main/java}; a class by its simple name, except that when both files of a pair hold
 * one top-level class each, those two are matched whatever their names (and the old name reads
 * as the new one everywhere in the old revision). Inside a class, a member is identified by its
 * kind and name, and a method or constructor also by its parameter types as written, without
 * package qualifiers, so that overloads are told apart. The package declaration, imports and
 * qualified names that differ only by the revisions' own packages do not count as changes.
 *
 * <p>A member is <em>changed</em> when its tokens differ, comments and layout aside; it differs
 * in <em>comments only</em> when its tokens are the same but its Javadoc or the comments inside
 * it say something else (rewrapping a comment does not count). Layout alone (indentation, line
 * breaks) is not a change, nor is moving a member within its class. Comments outside any member
 * (a separator line between two methods) are not compared.
 */
package dev.irqlab.scaffold.patch;
