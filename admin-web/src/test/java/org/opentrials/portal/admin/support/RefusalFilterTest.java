package org.opentrials.portal.admin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.staff.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The roles RefusalFilter trusts to repeat a refused request (Payara FISH-7515) are exactly the
 * ones web.xml's security constraints let through: for a page of every constrained pattern, each
 * role may open it in the filter's table if and only if web.xml names it there.
 */
class RefusalFilterTest {

  @Test
  void theFiltersTableIsWebXmlsConstraints() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document webXml =
        factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
    NodeList constraints = webXml.getElementsByTagName("security-constraint");
    int checked = 0;
    for (int c = 0; c < constraints.getLength(); c++) {
      Element constraint = (Element) constraints.item(c);
      NodeList auth = constraint.getElementsByTagName("auth-constraint");
      if (auth.getLength() == 0) {
        continue; // the sign-in page: open to all, never refused
      }
      List<String> roles = new ArrayList<>();
      NodeList names = ((Element) auth.item(0)).getElementsByTagName("role-name");
      for (int r = 0; r < names.getLength(); r++) {
        roles.add(names.item(r).getTextContent().strip());
      }
      NodeList patterns = constraint.getElementsByTagName("url-pattern");
      for (int p = 0; p < patterns.getLength(); p++) {
        String pattern = patterns.item(p).getTextContent().strip();
        String page =
            pattern.equals("/*")
                ? "/index.xhtml"
                : pattern.endsWith("/*")
                    ? pattern.substring(0, pattern.length() - 1) + "index.xhtml"
                    : pattern;
        for (Role role : Role.values()) {
          assertThat(RefusalFilter.roleMayOpen(role, page))
              .as("%s on %s (%s)", role, page, pattern)
              .isEqualTo(roles.contains(role.name()));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }
}
