package org.opentrials.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What the administration's web.xml promises, checked where waiting would be absurd: staff sessions
 * end after 15 idle minutes (ASVS 3.3.2; the integration tests do not sleep for it), cookies only,
 * and the audit pages for administrators alone.
 */
class WebDescriptorTest {
  private static Document webXml;

  @BeforeAll
  static void read() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    webXml =
        factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
  }

  @Test
  void staffSessionsEndAfterFifteenIdleMinutes() throws Exception {
    assertThat(text("/web-app/session-config/session-timeout")).isEqualTo("15");
    assertThat(text("/web-app/session-config/tracking-mode")).isEqualTo("COOKIE");
    assertThat(text("/web-app/session-config/cookie-config/http-only")).isEqualTo("true");
  }

  @Test
  void theAuditTrailIsForAdministratorsOnly() throws Exception {
    NodeList roles =
        (NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                    "/web-app/security-constraint[web-resource-collection/url-pattern='/audit/*']/auth-constraint/role-name",
                    webXml,
                    XPathConstants.NODESET);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < roles.getLength(); i++) {
      names.add(roles.item(i).getTextContent().strip());
    }
    assertThat(names).containsExactly("ADMINISTRATOR");
  }

  @Test
  void refusalsLookLikeMissingPages() throws Exception {
    assertThat(text("/web-app/error-page[error-code='403']/location"))
        .isEqualTo("/WEB-INF/errors/not-found.xhtml");
    assertThat(
            text(
                "/web-app/error-page[exception-type='org.opentrials.portal.services.shared.AccessDenied']/location"))
        .isEqualTo("/WEB-INF/errors/not-found.xhtml");
  }

  private static String text(String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, webXml).strip();
  }
}
