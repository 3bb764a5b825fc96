package dev.irqlab.conformance.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.irqlab.conformance.io.Quote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A place in a JSON document, shown as {@code $.columns[2].traces[0].machine} (a key that is not a
 * name as {@code $.deliveries['odd key']}), and found again
 * in the document's text to say on which line and column it starts.
 */
final class JsonPath {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** A field name, or an index when {@code name} is null. */
  private record Segment(String name, int index) {}

  private final List<Segment> segments;

  private JsonPath(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  /** {@code $}: the document. */
  static final JsonPath ROOT = new JsonPath(List.of());

  JsonPath field(String name) {
    List<Segment> s = new ArrayList<>(segments);
    s.add(new Segment(name, -1));
    return new JsonPath(s);
  }

  JsonPath index(int i) {
    List<Segment> s = new ArrayList<>(segments);
    s.add(new Segment(null, i));
    return new JsonPath(s);
  }

  /** The path without its last step; the root's parent is the root. */
  JsonPath parent() {
    return segments.isEmpty() ? this : new JsonPath(segments.subList(0, segments.size() - 1));
  }

  /** The path of a parser's place: the value it is at. */
  static JsonPath of(JsonStreamContext context) {
    return of(context == null ? JsonPointer.empty() : context.pathAsPointer());
  }

  static JsonPath of(JsonPointer pointer) {
    List<Segment> s = new ArrayList<>();
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      s.add(p.getMatchingIndex() >= 0 && p.getMatchingProperty().equals(Integer.toString(p.getMatchingIndex()))
          ? new Segment(null, p.getMatchingIndex()) : new Segment(p.getMatchingProperty(), -1));
    }
    return new JsonPath(s);
  }

  private JsonPointer pointer() {
    StringBuilder text = new StringBuilder();
    for (Segment s : segments) {
      text.append('/').append(s.name() == null ? Integer.toString(s.index()) : s.name().replace("~", "~0").replace("/", "~1"));
    }
    return JsonPointer.compile(text.toString());
  }

  /**
   * Where the value at this path starts in {@code text}: line and column, from 1. A path that is
   * not in the text (a missing field) is looked for without its last steps.
   */
  int[] locate(String text) {
    for (JsonPath p = this; ; p = p.parent()) {
      int[] at = find(text, p.pointer());
      if (at != null || p.segments.isEmpty()) {
        return at != null ? at : new int[] {1, 1};
      }
    }
  }

  private static int[] find(String text, JsonPointer target) {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        if (parser.getParsingContext().pathAsPointer().equals(target)) {
          JsonLocation at = parser.currentTokenLocation();
          return new int[] {Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())};
        }
      }
    } catch (IOException e) {
      // a document that breaks off before the place: the caller falls back to an outer one
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("$");
    for (Segment s : segments) {
      if (s.name() == null) {
        out.append('[').append(s.index()).append(']');
      } else if (IDENTIFIER.matcher(s.name()).matches()) {
        out.append('.').append(s.name());
      } else {
        out.append('[').append(Quote.of(s.name())).append(']');
      }
    }
    return out.toString();
  }
}
