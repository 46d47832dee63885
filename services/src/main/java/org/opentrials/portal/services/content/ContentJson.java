package org.opentrials.portal.services.content;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.opentrials.portal.domain.trial.ArmGroupType;
import org.opentrials.portal.domain.trial.Dose;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.Intervention;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.Reference;
import org.opentrials.portal.domain.trial.ReferenceType;
import org.opentrials.portal.domain.trial.SafetySummary;
import org.opentrials.portal.domain.trial.SpanishTexts;
import org.opentrials.portal.domain.trial.TrialContent;

/**
 * A draft's content as the JSON document stored in the database. Reading it back goes through the
 * domain's constructors, so a stored draft is checked by the same rules as a typed one.
 */
public final class ContentJson {
  private ContentJson() {}

  public static String write(TrialContent c) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    text(o, "plainSummary", c.plainSummary());
    text(o, "groupsSummary", c.groupsSummary());
    text(o, "eligibilitySummary", c.eligibilitySummary());
    o.add(
        "faq",
        array(
            c.faq(),
            f ->
                Json.createObjectBuilder()
                    .add("question", f.question())
                    .add("answer", f.answer())));
    o.add(
        "groups",
        array(
            c.groups(),
            g -> {
              JsonObjectBuilder b = Json.createObjectBuilder().add("label", g.label());
              text(b, "type", g.type() == null ? null : g.type().name());
              text(b, "description", g.description());
              b.add(
                  "interventions",
                  array(
                      g.interventions(),
                      i -> {
                        JsonObjectBuilder ib =
                            Json.createObjectBuilder()
                                .add("name", i.name())
                                .add("type", i.type().name());
                        if (i.dose() != null) {
                          ib.add(
                              "dose",
                              Json.createObjectBuilder()
                                  .add("amount", i.dose().amount())
                                  .add("unit", i.dose().unit())
                                  .add("perKilogram", i.dose().perKilogram()));
                        }
                        text(ib, "administration", i.administration());
                        return ib;
                      }));
              return b;
            }));
    o.add(
        "approvals",
        array(
            c.approvals(),
            a ->
                Json.createObjectBuilder()
                    .add("subject", a.subject())
                    .add("countryCode", a.countryCode())
                    .add("approvedName", a.approvedName())
                    .add("indications", Json.createArrayBuilder(a.indications()))));
    o.add(
        "references",
        array(
            c.references(),
            r -> {
              JsonObjectBuilder b = Json.createObjectBuilder().add("title", r.title());
              if (r.year() != null) {
                b.add("year", r.year());
              }
              text(b, "abstract", r.abstractText());
              text(b, "pmid", r.pmid());
              text(b, "citation", r.citation());
              text(b, "type", r.type() == null ? null : r.type().name());
              return b;
            }));
    o.add(
        "safetySummaries",
        array(
            c.safetySummaries(),
            s ->
                Json.createObjectBuilder().add("text", s.text()).add("asOf", s.asOf().toString())));
    text(o, "criteriaRules", c.criteriaRules());
    SpanishTexts es = c.spanish();
    JsonObjectBuilder e = Json.createObjectBuilder();
    text(e, "briefTitle", es.briefTitle());
    text(e, "plainSummary", es.plainSummary());
    text(e, "groupsSummary", es.groupsSummary());
    text(e, "eligibilitySummary", es.eligibilitySummary());
    e.add(
        "faq",
        array(
            es.faq(),
            f ->
                Json.createObjectBuilder()
                    .add("question", f.question())
                    .add("answer", f.answer())));
    e.add(
        "groups",
        array(
            es.groups(),
            g -> {
              JsonObjectBuilder b = Json.createObjectBuilder();
              text(b, "label", g.label());
              text(b, "description", g.description());
              return b;
            }));
    o.add("es", e);
    return o.build().toString();
  }

  public static TrialContent read(String document, Clock clock) {
    JsonObject o;
    try (var reader = Json.createReader(new StringReader(document))) {
      o = reader.readObject();
    }
    return new TrialContent(
        text(o, "plainSummary"),
        text(o, "groupsSummary"),
        text(o, "eligibilitySummary"),
        list(o, "faq", f -> new FaqEntry(text(f, "question"), text(f, "answer"))),
        list(
            o,
            "groups",
            g ->
                new TrialContent.Group(
                    text(g, "label"),
                    g.containsKey("type") ? ArmGroupType.valueOf(text(g, "type")) : null,
                    text(g, "description"),
                    list(
                        g,
                        "interventions",
                        i ->
                            new Intervention(
                                text(i, "name"),
                                InterventionType.valueOf(text(i, "type")),
                                i.containsKey("dose") ? dose(i.getJsonObject("dose")) : null,
                                text(i, "administration"))))),
        list(
            o,
            "approvals",
            a ->
                new TrialContent.ApprovalElsewhere(
                    text(a, "subject"),
                    text(a, "countryCode"),
                    text(a, "approvedName"),
                    a
                        .getJsonArray("indications")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList())),
        list(
            o,
            "references",
            r ->
                new Reference(
                    text(r, "title"),
                    r.containsKey("year") ? r.getInt("year") : null,
                    text(r, "abstract"),
                    text(r, "pmid"),
                    text(r, "citation"),
                    r.containsKey("type") ? ReferenceType.valueOf(text(r, "type")) : null,
                    clock)),
        list(
            o,
            "safetySummaries",
            s -> new SafetySummary(text(s, "text"), LocalDate.parse(text(s, "asOf")))),
        text(o, "criteriaRules"),
        spanish(o.getJsonObject("es")));
  }

  /** A draft saved before Spanish texts existed has none. */
  private static SpanishTexts spanish(JsonObject e) {
    if (e == null) {
      return SpanishTexts.NONE;
    }
    return new SpanishTexts(
        text(e, "briefTitle"),
        text(e, "plainSummary"),
        text(e, "groupsSummary"),
        text(e, "eligibilitySummary"),
        list(e, "faq", f -> new FaqEntry(text(f, "question"), text(f, "answer"))),
        list(
            e,
            "groups",
            g -> new SpanishTexts.GroupText(text(g, "label"), text(g, "description"))));
  }

  private static Dose dose(JsonObject d) {
    BigDecimal amount = d.getJsonNumber("amount").bigDecimalValue();
    return new Dose(amount, text(d, "unit"), d.getBoolean("perKilogram", false));
  }

  private static void text(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
  }

  private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObjectBuilder> each) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    items.forEach(i -> a.add(each.apply(i)));
    return a;
  }

  private static <T> List<T> list(JsonObject o, String name, Function<JsonObject, T> each) {
    JsonArray a = o.getJsonArray(name);
    return a == null ? List.of() : a.getValuesAs(JsonObject.class).stream().map(each).toList();
  }
}
