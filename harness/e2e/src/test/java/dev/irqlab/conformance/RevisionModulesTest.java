package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.spi.LoadedRevision;
import dev.irqlab.spi.RevisionLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The revisions ServiceLoader finds are the modules revisions/pom.xml builds, one to one: a
 * module's folder is its revision's id, and this module has every revision as a test dependency.
 * If this test fails, check that a new module is in revisions/pom.xml and in the test
 * dependencies of harness/e2e and harness/cli ({@code ./irqlab new-revision} adds it to all three).
 */
class RevisionModulesTest {
  private static final Path REVISIONS_POM = Path.of("../../revisions/pom.xml");

  /** The {@code <module>} entries of revisions/pom.xml, in order. */
  static List<String> listedModules() throws IOException, ParserConfigurationException, SAXException {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(REVISIONS_POM.toFile()).getDocumentElement();
    List<String> out = new ArrayList<>();
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("modules")) {
        NodeList modules = e.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
          out.add(modules.item(i).getTextContent().strip());
        }
      }
    }
    return out;
  }

  @Test
  void theLoaderFindsOneRevisionPerListedModuleAndNoOther() throws Exception {
    List<String> listed = listedModules();
    assertEquals(listed.size(), new TreeSet<>(listed).size(), "a module listed twice: " + listed);
    List<String> loaded = RevisionLoader.load().stream().map(LoadedRevision::id).toList();
    List<String> notLoaded = listed.stream().filter(m -> !loaded.contains(m)).toList();
    List<String> notListed = loaded.stream().filter(id -> !listed.contains(id)).toList();
    assertEquals(List.of(), notLoaded, "listed in revisions/pom.xml, but no revision on the test class path has the id");
    assertEquals(List.of(), notListed, "on the test class path, but no module of revisions/pom.xml has the id as its folder");
    assertEquals(new TreeSet<>(listed), new TreeSet<>(loaded));
  }

  @Test
  void eachRevisionComesFromTheModuleOfItsName() {
    for (LoadedRevision r : RevisionLoader.load()) {
      assertTrue(r.source().contains("/revisions/" + r.id() + "/target/"), r.id() + " was loaded from " + r.source());
    }
  }
}
