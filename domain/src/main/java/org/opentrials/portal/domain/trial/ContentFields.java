package org.opentrials.portal.domain.trial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trial's content as named fields with text values ("references[2].title" = "..."), in page
 * order: how content is compared, and how the audit trail records what changed (field, old, new).
 * Items are numbered from 1, as a person counts them on the page.
 */
public final class ContentFields {
  private ContentFields() {}

  public static Map<String, String> of(TrialContent c) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("plainSummary", c.plainSummary());
    f.put("groupsSummary", c.groupsSummary());
    f.put("eligibilitySummary", c.eligibilitySummary());
    each(
        c.faq(),
        "faq",
        (p, e) -> {
          f.put(p + ".question", e.question());
          f.put(p + ".answer", e.answer());
        });
    each(
        c.groups(),
        "groups",
        (p, g) -> {
          f.put(p + ".label", g.label());
          f.put(p + ".type", g.type() == null ? null : g.type().name());
          f.put(p + ".description", g.description());
          each(g.interventions(), p + ".interventions", (q, i) -> f.put(q, intervention(i)));
        });
    each(
        c.approvals(),
        "approvals",
        (p, a) ->
            f.put(
                p,
                String.join(
                    " · ",
                    a.subject(),
                    a.countryCode(),
                    a.approvedName(),
                    String.join("; ", a.indications()))));
    each(
        c.references(),
        "references",
        (p, r) -> {
          f.put(p + ".title", r.title());
          f.put(p + ".year", r.year() == null ? null : r.year().toString());
          f.put(p + ".pmid", r.pmid());
          f.put(p + ".citation", r.citation());
          f.put(p + ".abstract", r.abstractText());
        });
    each(
        c.safetySummaries(),
        "safetySummaries",
        (p, s) -> {
          f.put(p + ".text", s.text());
          f.put(p + ".asOf", s.asOf().toString());
        });
    f.put("criteriaRules", c.criteriaRules());
    SpanishTexts es = c.spanish();
    f.put("es.briefTitle", es.briefTitle());
    f.put("es.plainSummary", es.plainSummary());
    f.put("es.groupsSummary", es.groupsSummary());
    f.put("es.eligibilitySummary", es.eligibilitySummary());
    each(
        es.faq(),
        "es.faq",
        (p, e) -> {
          f.put(p + ".question", e.question());
          f.put(p + ".answer", e.answer());
        });
    each(
        es.groups(),
        "es.groups",
        (p, g) -> {
          f.put(p + ".label", g.label());
          f.put(p + ".description", g.description());
        });
    return f;
  }

  /** The fields whose values differ, each with its value before and after (null where absent). */
  public static Map<String, Change> changes(TrialContent before, TrialContent after) {
    Map<String, String> old = of(before);
    Map<String, String> now = of(after);
    Map<String, Change> changes = new LinkedHashMap<>();
    for (String field : union(old, now)) {
      if (!Objects.equals(old.get(field), now.get(field))) {
        changes.put(field, new Change(old.get(field), now.get(field)));
      }
    }
    return changes;
  }

  public record Change(String before, String after) {}

  private static Iterable<String> union(Map<String, String> a, Map<String, String> b) {
    var keys = new java.util.LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  static String intervention(Intervention i) {
    StringBuilder s = new StringBuilder(i.name()).append(" · ").append(i.type().name());
    if (i.dose() != null) {
      s.append(" · ")
          .append(i.dose().amount().stripTrailingZeros().toPlainString())
          .append(' ')
          .append(i.dose().unit());
      if (i.dose().perKilogram()) {
        s.append("/kg");
      }
    }
    if (i.administration() != null) {
      s.append(" · ").append(i.administration());
    }
    return s.toString();
  }

  private static <T> void each(
      List<T> items, String name, java.util.function.BiConsumer<String, T> put) {
    for (int n = 0; n < items.size(); n++) {
      put.accept(name + "[" + (n + 1) + "]", items.get(n));
    }
  }
}
