package org.opentrials.portal.admin.trials;

import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentrials.portal.admin.support.Texts;

/**
 * A content field as the page names it: "references[2].title" becomes "Reference 2: Title", in the
 * words of the form's own labels, for content-check warnings and conflict tables.
 */
final class FieldLabels {
  private static final Pattern PATH =
      Pattern.compile("(\\w+)\\[(\\d+)](?:\\.(\\w+)(?:\\[(\\d+)])?)?");
  private static final Map<String, String> ITEMS =
      Map.of(
          "faq",
          "content.faq.item",
          "faqEs",
          "content.faqEs.item",
          "groups",
          "content.groups.item",
          "approvals",
          "content.approvals.item",
          "references",
          "content.references.item",
          "safetySummaries",
          "content.safety.item");
  private static final Map<String, String> PARTS =
      Map.ofEntries(
          Map.entry("question", "content.field.question"),
          Map.entry("answer", "content.field.answer"),
          Map.entry("label", "content.field.groupLabel"),
          Map.entry("type", "content.field.groupType"),
          Map.entry("description", "content.field.groupDescription"),
          Map.entry("labelEs", "content.field.groupLabelEs"),
          Map.entry("descriptionEs", "content.field.groupDescriptionEs"),
          Map.entry("title", "content.field.referenceTitle"),
          Map.entry("year", "content.field.year"),
          Map.entry("pmid", "content.field.pmid"),
          Map.entry("citation", "content.field.citation"),
          Map.entry("abstract", "content.field.abstract"),
          Map.entry("text", "content.field.safetyText"),
          Map.entry("asOf", "content.field.asOf"),
          Map.entry("interventions", "content.interventions.item"));
  private static final Map<String, String> TOP =
      Map.of(
          "plainSummary",
          "content.field.plainSummary",
          "groupsSummary",
          "content.field.groupsSummary",
          "eligibilitySummary",
          "content.field.eligibilitySummary",
          "criteriaRules",
          "content.criteria",
          "briefTitleEs",
          "content.field.briefTitleEs",
          "plainSummaryEs",
          "content.field.plainSummaryEs",
          "groupsSummaryEs",
          "content.field.groupsSummaryEs",
          "eligibilitySummaryEs",
          "content.field.eligibilitySummaryEs");

  private FieldLabels() {}

  static String of(FacesContext faces, String field) {
    if (field.startsWith("es.")) {
      return Texts.text(faces, "content.spanish.prefix") + " " + of(faces, field.substring(3));
    }
    if (field.equals("briefTitle")) {
      return Texts.text(faces, "content.field.briefTitleEs");
    }
    if (TOP.containsKey(field)) {
      return Texts.text(faces, TOP.get(field));
    }
    Matcher m = PATH.matcher(field);
    if (!m.matches() || !ITEMS.containsKey(m.group(1))) {
      return field;
    }
    String label = Texts.text(faces, ITEMS.get(m.group(1))) + " " + m.group(2);
    if (m.group(3) != null) {
      String part =
          PARTS.containsKey(m.group(3)) ? Texts.text(faces, PARTS.get(m.group(3))) : m.group(3);
      label += ": " + part + (m.group(4) != null ? " " + m.group(4) : "");
    }
    return label;
  }
}
