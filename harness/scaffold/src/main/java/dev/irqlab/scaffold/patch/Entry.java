package dev.irqlab.scaffold.patch;

import java.util.List;

/**
 * One member of a source file as the patch compares it: a method, a field, a class (whose own
 * members are its {@code members}), the imports, the package declaration.
 *
 * @param key what identifies it among its siblings: kind, name and parameter types
 * @param kind what it is
 * @param label how the output names it: {@code IrqBypassManager.connect(IrqBypassProducer,
 *     IrqBypassConsumer)}
 * @param topClass the top-level class it is in, or "" for the package declaration and imports
 * @param head the lines compared when the member is in both revisions: a class's declaration up
 *     to its opening brace, or the whole member, with its Javadoc
 * @param whole the member's lines with its Javadoc, for an added or removed one
 * @param code its tokens, without comments, normalised
 * @param comments its Javadoc and the comments inside it, normalised
 * @param members a class's own members in source order; empty for anything else
 */
record Entry(String key, MemberKind kind, String label, String topClass, Snippet head, Snippet whole,
    String code, String comments, List<Entry> members) {
  Entry {
    members = List.copyOf(members);
  }
}
