package org.opentrials.portal.services.trials;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What ClinicalTrials.gov publishes about a study beyond the portal's own fields, as the import
 * stores it ({@code Trial.registryDetails()}, one JSON document) and the pages read it. Values keep
 * the registry's API v2 names ({@code PRINCIPAL_INVESTIGATOR}, {@code RANDOMIZED}) and its partial
 * dates as written ({@code "2020-04"} stays month precision).
 *
 * @param officials every overall official with role and affiliation, in the registry's order
 * @param hasResults whether results are posted on ClinicalTrials.gov
 */
public record RegistryDetails(
    List<Official> officials,
    PartialDate startDate,
    PartialDate primaryCompletionDate,
    PartialDate completionDate,
    String whyStopped,
    String allocation,
    String interventionModel,
    String primaryPurpose,
    String masking,
    List<String> whoMasked,
    List<Outcome> primaryOutcomes,
    List<SecondaryId> secondaryIds,
    List<InterventionDetail> interventions,
    boolean hasResults) {

  /** Nothing known: a trial that was never imported. */
  public static final RegistryDetails NONE =
      new RegistryDetails(
          List.of(), null, null, null, null, null, null, null, null, List.of(), List.of(),
          List.of(), List.of(), false);

  public RegistryDetails {
    officials = List.copyOf(officials);
    whoMasked = List.copyOf(whoMasked);
    primaryOutcomes = List.copyOf(primaryOutcomes);
    secondaryIds = List.copyOf(secondaryIds);
    interventions = List.copyOf(interventions);
  }

  /** An overall official; {@code role} is STUDY_CHAIR, STUDY_DIRECTOR or PRINCIPAL_INVESTIGATOR. */
  public record Official(String name, String role, String affiliation) {}

  /**
   * A registry date as written: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}; {@code type}
   * ACTUAL or ESTIMATED, or null.
   */
  public record PartialDate(String value, String type) {
    /** YEAR, MONTH or DAY. */
    public String precision() {
      return switch (value.length()) {
        case 4 -> "YEAR";
        case 7 -> "MONTH";
        default -> "DAY";
      };
    }

    public boolean estimated() {
      return "ESTIMATED".equals(type);
    }
  }

  /** A primary outcome: what is measured and when. */
  public record Outcome(String measure, String timeFrame) {}

  /** Another identifier of the study, e.g. an EudraCT number. */
  public record SecondaryId(String id, String type, String domain) {}

  /** An intervention as the registry describes it, whether or not an arm group names it. */
  public record InterventionDetail(
      String type, String name, String description, List<String> otherNames) {
    public InterventionDetail {
      otherNames = List.copyOf(otherNames);
    }
  }

  /** The first official whose role is PRINCIPAL_INVESTIGATOR, or null. */
  public Official principalInvestigator() {
    return officials.stream()
        .filter(o -> "PRINCIPAL_INVESTIGATOR".equals(o.role()))
        .findFirst()
        .orElse(null);
  }

  // ---- the stored document ----

  /** The document, or null when there is nothing to store. */
  public String toJson() {
    if (equals(NONE)) {
      return null;
    }
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add(
        "officials",
        objects(
            officials,
            x -> fields("name", x.name(), "role", x.role(), "affiliation", x.affiliation())));
    date(o, "startDate", startDate);
    date(o, "primaryCompletionDate", primaryCompletionDate);
    date(o, "completionDate", completionDate);
    put(o, "whyStopped", whyStopped);
    put(o, "allocation", allocation);
    put(o, "interventionModel", interventionModel);
    put(o, "primaryPurpose", primaryPurpose);
    put(o, "masking", masking);
    o.add("whoMasked", strings(whoMasked));
    o.add(
        "primaryOutcomes",
        objects(primaryOutcomes, x -> fields("measure", x.measure(), "timeFrame", x.timeFrame())));
    o.add(
        "secondaryIds",
        objects(secondaryIds, x -> fields("id", x.id(), "type", x.type(), "domain", x.domain())));
    o.add(
        "interventions",
        objects(
            interventions,
            x ->
                fields("type", x.type(), "name", x.name(), "description", x.description())
                    .add("otherNames", strings(x.otherNames()))));
    return o.add("hasResults", hasResults).build().toString();
  }

  /** Reads a stored document; {@link #NONE} for null. */
  public static RegistryDetails parse(String document) {
    if (document == null || document.isBlank()) {
      return NONE;
    }
    JsonObject o = Json.createReader(new StringReader(document)).readObject();
    List<Official> officials = new ArrayList<>();
    for (JsonObject b : objects(o, "officials")) {
      officials.add(new Official(text(b, "name"), text(b, "role"), text(b, "affiliation")));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonObject b : objects(o, "primaryOutcomes")) {
      outcomes.add(new Outcome(text(b, "measure"), text(b, "timeFrame")));
    }
    List<SecondaryId> ids = new ArrayList<>();
    for (JsonObject b : objects(o, "secondaryIds")) {
      ids.add(new SecondaryId(text(b, "id"), text(b, "type"), text(b, "domain")));
    }
    List<InterventionDetail> interventions = new ArrayList<>();
    for (JsonObject b : objects(o, "interventions")) {
      interventions.add(
          new InterventionDetail(
              text(b, "type"), text(b, "name"), text(b, "description"), textList(b, "otherNames")));
    }
    return new RegistryDetails(
        officials,
        date(o, "startDate"),
        date(o, "primaryCompletionDate"),
        date(o, "completionDate"),
        text(o, "whyStopped"),
        text(o, "allocation"),
        text(o, "interventionModel"),
        text(o, "primaryPurpose"),
        text(o, "masking"),
        textList(o, "whoMasked"),
        outcomes,
        ids,
        interventions,
        o.getBoolean("hasResults", false));
  }

  /** An object of the given name-value pairs, leaving out null values. */
  private static JsonObjectBuilder fields(String... namesAndValues) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      put(b, namesAndValues[i], namesAndValues[i + 1]);
    }
    return b;
  }

  private static <T> JsonArrayBuilder objects(
      List<T> items, java.util.function.Function<T, JsonObjectBuilder> asObject) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    items.forEach(item -> a.add(asObject.apply(item)));
    return a;
  }

  private static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  private static void date(JsonObjectBuilder b, String name, PartialDate date) {
    if (date != null) {
      JsonObjectBuilder d = Json.createObjectBuilder().add("date", date.value());
      put(d, "type", date.type());
      b.add(name, d);
    }
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  private static PartialDate date(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (!(v instanceof JsonObject d) || text(d, "date") == null) {
      return null;
    }
    return new PartialDate(text(d, "date"), text(d, "type"));
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static List<String> textList(JsonObject o, String name) {
    List<String> out = new ArrayList<>();
    if (o.get(name) instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString s) {
          out.add(s.getString());
        }
      }
    }
    return out;
  }

  private static List<JsonObject> objects(JsonObject o, String name) {
    List<JsonObject> out = new ArrayList<>();
    if (o.get(name) instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonObject b) {
          out.add(b);
        }
      }
    }
    return out;
  }
}
