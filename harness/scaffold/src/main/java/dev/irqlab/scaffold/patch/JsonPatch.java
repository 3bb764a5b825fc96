package dev.irqlab.scaffold.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The patch as JSON ({@value #SCHEMA}): the files in path order, each with its members in source
 * order (code changes and comment-only changes together, told apart by {@code change}).
 */
final class JsonPatch {
  /** The schema id, to change with any incompatible change of the layout. */
  static final String SCHEMA = "irqlab-source-diff/1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .defaultLocale(Locale.ROOT)
      .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")))
      .build();

  private JsonPatch() {}

  static String render(SourceDiff d) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("from", d.from());
    root.put("to", d.to());
    root.put("insertions", d.insertions());
    root.put("deletions", d.deletions());
    ArrayNode files = root.putArray("files");
    for (FileDiff f : d.files()) {
      ObjectNode file = files.addObject();
      file.put("path", f.path());
      file.put("status", f.status().name().toLowerCase(Locale.ROOT));
      file.put("insertions", f.insertions());
      file.put("deletions", f.deletions());
      ArrayNode members = file.putArray("members");
      for (MemberChange c : f.changes()) {
        ObjectNode m = members.addObject();
        m.put("change", c.change().id());
        m.put("kind", c.kind().id());
        m.put("class", c.topClass().isEmpty() ? null : c.topClass());
        m.put("member", c.label());
        m.put("fromLine", c.fromLine() == 0 ? null : c.fromLine());
        m.put("toLine", c.toLine() == 0 ? null : c.toLine());
        m.put("insertions", c.insertions());
        m.put("deletions", c.deletions());
        ArrayNode diff = m.putArray("diff");
        c.diff().forEach(diff::add);
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
