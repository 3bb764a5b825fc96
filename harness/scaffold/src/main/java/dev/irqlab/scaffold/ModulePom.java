package dev.irqlab.scaffold;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pom of a copied revision module: its own artifactId, name and description (the elements
 * after {@code </parent>}) are the new revision's; every other line stays as the parent has it.
 */
final class ModulePom {
  private ModulePom() {}

  /** The artifact of revision {@code id}. */
  static String artifact(String id) {
    return "irqlab-revision-" + id;
  }

  /** The pom of revision {@code id}, from the pom {@code parentPom} of revision {@code parentId}. */
  static String rewrite(String file, String parentPom, String parentId, String id, String description) {
    int start = parentPom.indexOf("</parent>");
    if (start < 0) {
      throw new ScaffoldException(file + ": expected a <parent> element (irqlab-revisions) before the module's own elements");
    }
    String head = parentPom.substring(0, start);
    String own = parentPom.substring(start);
    Matcher artifact = element("artifactId").matcher(own);
    if (!artifact.find() || !artifact.group(2).equals(artifact(parentId))) {
      throw new ScaffoldException(file + ": expected <artifactId>" + artifact(parentId) + "</artifactId> after </parent>");
    }
    own = replaceFirst(own, "artifactId", artifact(id));
    own = replaceFirst(own, "name", "revision " + id);
    own = replaceFirst(own, "description", xml(description));
    return head + own;
  }

  private static Pattern element(String name) {
    return Pattern.compile("(<" + name + ">)(.*?)(</" + name + ">)", Pattern.DOTALL);
  }

  private static String replaceFirst(String xml, String name, String text) {
    Matcher m = element(name).matcher(xml);
    return m.find() ? xml.substring(0, m.start(2)) + text + xml.substring(m.end(2)) : xml;
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
