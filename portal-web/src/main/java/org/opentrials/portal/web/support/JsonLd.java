package org.opentrials.portal.web.support;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;

/**
 * Writes structured data for search engines: {@code <script type="application/ld+json">}. The JSON
 * is escaped for the script context here ({@code <}, {@code >}, {@code &} and the line separators
 * become \\u escapes), so sponsor text can never end the script element; pages never need {@code
 * escape="false"} for it. Usage: {@code <p:jsonLd value="#{bean.json}"/>}.
 */
@FacesComponent(
    value = "org.opentrials.portal.JsonLd",
    createTag = true,
    tagName = "jsonLd",
    namespace = "http://opentrials.org/portal")
public class JsonLd extends UIComponentBase {

  @Override
  public String getFamily() {
    return "org.opentrials.portal";
  }

  @Override
  public void encodeBegin(FacesContext context) throws IOException {
    Object value = getAttributes().get("value");
    if (value == null) {
      return;
    }
    ResponseWriter writer = context.getResponseWriter();
    writer.startElement("script", this);
    writer.writeAttribute("type", "application/ld+json", null);
    writer.write(forScript(value.toString()));
    writer.endElement("script");
  }

  /** JSON that is safe inside a script element. */
  public static String forScript(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (char c : json.toCharArray()) {
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
