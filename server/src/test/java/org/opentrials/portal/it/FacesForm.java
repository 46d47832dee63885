package org.opentrials.portal.it;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Faces form as a page rendered it: where it posts, and every field with the value a browser
 * would send (text inputs, hidden fields including the view state, the selected option, textareas;
 * no buttons). Read once, it can be posted later, as a second browser tab that has kept a page open
 * would. Enough HTML reading for the forms this portal renders, not a general parser.
 */
public final class FacesForm {
  private static final Pattern INPUT =
      Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SELECT =
      Pattern.compile(
          "<select\\b([^>]*)>(.*?)</select>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern OPTION =
      Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TEXTAREA =
      Pattern.compile(
          "<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final String id;
  private final String action;
  private final Map<String, String> fields;

  private FacesForm(String id, String action, Map<String, String> fields) {
    this.id = id;
    this.action = action;
    this.fields = fields;
  }

  /** The form with this id on the page, or an exception naming what the page was instead. */
  public static FacesForm read(String page, String formId) {
    Matcher form =
        Pattern.compile(
                "<form\\b([^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*)>(.*?)</form>",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
            .matcher(page);
    if (!form.find()) {
      throw new IllegalStateException(
          "no form " + formId + " on the page: " + page.substring(0, Math.min(page.length(), 400)));
    }
    String body = form.group(2);
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(body);
    while (input.find()) {
      String attrs = input.group(1);
      String type = attr(attrs, "type");
      String name = attr(attrs, "name");
      if (name == null || "submit".equalsIgnoreCase(type) || "button".equalsIgnoreCase(type)) {
        continue;
      }
      if (("checkbox".equalsIgnoreCase(type) || "radio".equalsIgnoreCase(type))
          && attr(attrs, "checked") == null) {
        continue;
      }
      String value = attr(attrs, "value");
      fields.put(name, value == null ? "" : value);
    }
    Matcher select = SELECT.matcher(body);
    while (select.find()) {
      String name = attr(select.group(1), "name");
      String chosen = "";
      Matcher option = OPTION.matcher(select.group(2));
      while (option.find()) {
        if (attr(option.group(1), "selected") != null) {
          chosen = attr(option.group(1), "value");
        }
      }
      fields.put(name, chosen == null ? "" : chosen);
    }
    Matcher textarea = TEXTAREA.matcher(body);
    while (textarea.find()) {
      fields.put(
          attr(textarea.group(1), "name"),
          unescape(textarea.group(2).replaceFirst("^\\r?\\n", "")));
    }
    return new FacesForm(formId, attr(form.group(1), "action"), fields);
  }

  /** Where the form posts (a path on the server, as the page rendered it). */
  public String action() {
    return action;
  }

  public String id() {
    return id;
  }

  /**
   * The field's value as the page rendered it; short names ("status") mean the form's own
   * ("site:status").
   */
  public String value(String name) {
    return fields.get(qualified(name));
  }

  /**
   * What a browser would post when {@code button} is pressed after the user changed {@code
   * changes}.
   */
  public Map<String, String> submission(Map<String, String> changes, String button) {
    Map<String, String> post = new LinkedHashMap<>(fields);
    changes.forEach((k, v) -> post.put(qualified(k), v));
    post.put(qualified(button), "pressed");
    return Collections.unmodifiableMap(post);
  }

  private String qualified(String name) {
    return name.contains(":") || name.equals(id) || name.startsWith("jakarta.faces.")
        ? name
        : id + ":" + name;
  }

  private static String attr(String attrs, String name) {
    Matcher m =
        Pattern.compile(
                "(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
            .matcher(attrs);
    if (m.find()) {
      return unescape(m.group(1));
    }
    return Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "(?:\\s|/|$)").matcher(attrs).find()
        ? ""
        : null;
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }
}
