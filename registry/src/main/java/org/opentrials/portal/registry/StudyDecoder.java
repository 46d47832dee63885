package org.opentrials.portal.registry;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.AgeLimit;
import org.opentrials.portal.domain.trial.ArmGroupType;
import org.opentrials.portal.domain.trial.EnrollmentType;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.ReferenceType;
import org.opentrials.portal.domain.trial.Sex;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.registry.RegistryStudy.Contact;
import org.opentrials.portal.registry.RegistryStudy.ContactRole;
import org.opentrials.portal.services.trials.RegistryDetails;

/**
 * Turns the small JSON tree of one study into a {@link RegistryStudy}. Never throws for bad
 * content: a value of the wrong JSON type, an unknown enumeration value or an unparseable date is
 * dropped with a warning naming its JSON path, so that one odd field does not cost the study.
 */
final class StudyDecoder {
  /** Records shortened by their publisher end like this; real text rarely does. */
  private static final Pattern CUT_SHORT = Pattern.compile("(\\.\\.\\.|\u2026)\\s*$");

  /**
   * Part of every study's {@link RegistryStudy#contentHash()}: raise it whenever reading or merging
   * rules change, so that the next import merges every study again instead of skipping those whose
   * record is the same.
   */
  static final String RULES_VERSION = "registry-import/2";

  private final List<String> warnings = new ArrayList<>();

  private StudyDecoder() {}

  static RegistryStudy decode(JsonObject study, String source) {
    return new StudyDecoder().study(study, source);
  }

  private RegistryStudy study(JsonObject root, String source) {
    JsonObject p = object(root, "protocolSection", "$");
    if (p == null) {
      if (!root.containsKey("protocolSection")) {
        warn("$.protocolSection: missing");
      }
      return new RegistryStudy(
          source,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          hasResults(root),
          warnings,
          null);
    }
    String at = "$.protocolSection";
    JsonObject identification = module(p, "identificationModule", at);
    String nct =
        identification == null
            ? null
            : text(identification, "nctId", at + ".identificationModule", false);
    return new RegistryStudy(
        source,
        nct,
        identification == null
            ? null
            : identification(identification, at + ".identificationModule"),
        status(module(p, "statusModule", at), at + ".statusModule"),
        sponsors(module(p, "sponsorCollaboratorsModule", at), at + ".sponsorCollaboratorsModule"),
        description(module(p, "descriptionModule", at), at + ".descriptionModule"),
        conditions(module(p, "conditionsModule", at), at + ".conditionsModule"),
        design(module(p, "designModule", at), at + ".designModule"),
        arms(module(p, "armsInterventionsModule", at), at + ".armsInterventionsModule"),
        eligibility(module(p, "eligibilityModule", at), at + ".eligibilityModule"),
        contactsLocations(
            module(p, "contactsLocationsModule", at), at + ".contactsLocationsModule"),
        references(module(p, "referencesModule", at), at + ".referencesModule"),
        outcomes(module(p, "outcomesModule", at), at + ".outcomesModule"),
        hasResults(root),
        warnings,
        contentHash(p));
  }

  /**
   * The fingerprint a re-import compares with the last import's: SHA-256 over this version line and
   * the protocolSection as JSON-P writes it (compact, strings escaped, members in the record's
   * order).
   */
  static String contentHash(JsonObject protocolSection) {
    try {
      java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
      sha256.update((RULES_VERSION + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha256.update(protocolSection.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha256.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  // ---- modules ----

  private RegistryStudy.Identification identification(JsonObject m, String at) {
    JsonObject org = object(m, "organization", at);
    List<RegistryDetails.SecondaryId> ids = new ArrayList<>();
    List<JsonObject> list = objects(m, "secondaryIdInfos", at);
    for (int i = 0; i < list.size(); i++) {
      String path = at + ".secondaryIdInfos[" + i + "]";
      String id = text(list.get(i), "id", path, false);
      if (id != null) {
        ids.add(
            new RegistryDetails.SecondaryId(
                id,
                text(list.get(i), "type", path, false),
                text(list.get(i), "domain", path, false)));
      }
    }
    return new RegistryStudy.Identification(
        text(m, "briefTitle", at, true),
        text(m, "officialTitle", at, true),
        text(m, "acronym", at, false),
        org == null ? null : text(org, "fullName", at + ".organization", false),
        ids);
  }

  private Boolean hasResults(JsonObject root) {
    return bool(root, "hasResults", "$");
  }

  private RegistryStudy.Outcomes outcomes(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    List<RegistryDetails.Outcome> outcomes = new ArrayList<>();
    List<JsonObject> list = objects(m, "primaryOutcomes", at);
    for (int i = 0; i < list.size(); i++) {
      String path = at + ".primaryOutcomes[" + i + "]";
      String measure = text(list.get(i), "measure", path, false);
      if (measure != null) {
        outcomes.add(
            new RegistryDetails.Outcome(measure, text(list.get(i), "timeFrame", path, false)));
      }
    }
    return new RegistryStudy.Outcomes(outcomes);
  }

  /** A date struct ({"date": "2020-04", "type": "ACTUAL"}) with the precision it is given in. */
  private RegistryDetails.PartialDate dateStruct(JsonObject m, String field, String at) {
    JsonObject struct = object(m, field, at);
    if (struct == null) {
      return null;
    }
    String text = text(struct, "date", at + "." + field, false);
    if (text == null) {
      return null;
    }
    if (!text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      warn(at + "." + field + ".date: not a date such as \"2024-01\": \"" + text + "\", dropped");
      return null;
    }
    return new RegistryDetails.PartialDate(text, text(struct, "type", at + "." + field, false));
  }

  private RegistryStudy.Status status(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    return new RegistryStudy.Status(
        enumValue(m, "overallStatus", OverallStatus.class, at),
        partialDate(m, "statusVerifiedDate", at),
        dateStruct(m, "startDateStruct", at),
        dateStruct(m, "primaryCompletionDateStruct", at),
        dateStruct(m, "completionDateStruct", at),
        text(m, "whyStopped", at, true));
  }

  private RegistryStudy.Sponsors sponsors(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    JsonObject lead = object(m, "leadSponsor", at);
    List<String> collaborators = new ArrayList<>();
    List<JsonObject> list = objects(m, "collaborators", at);
    for (int i = 0; i < list.size(); i++) {
      String name = text(list.get(i), "name", at + ".collaborators[" + i + "]", false);
      if (name != null) {
        collaborators.add(name);
      }
    }
    return new RegistryStudy.Sponsors(
        lead == null ? null : text(lead, "name", at + ".leadSponsor", false), collaborators);
  }

  private RegistryStudy.Description description(JsonObject m, String at) {
    return m == null ? null : new RegistryStudy.Description(text(m, "briefSummary", at, true));
  }

  private RegistryStudy.Conditions conditions(JsonObject m, String at) {
    return m == null
        ? null
        : new RegistryStudy.Conditions(texts(m, "conditions", at), texts(m, "keywords", at));
  }

  private RegistryStudy.Design design(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    Set<Phase> phases = EnumSet.noneOf(Phase.class);
    List<String> names = texts(m, "phases", at);
    for (int i = 0; i < names.size(); i++) {
      Phase phase = enumOf(names.get(i), Phase.class, at + ".phases[" + i + "]");
      if (phase != null) {
        phases.add(phase);
      }
    }
    JsonObject enrollment = object(m, "enrollmentInfo", at);
    Integer count = null;
    EnrollmentType type = null;
    if (enrollment != null) {
      count = integer(enrollment, "count", at + ".enrollmentInfo");
      if (count != null && count < 0) {
        warn(at + ".enrollmentInfo.count: negative (" + count + "), dropped");
        count = null;
      }
      type = enumValue(enrollment, "type", EnrollmentType.class, at + ".enrollmentInfo");
    }
    JsonObject info = object(m, "designInfo", at);
    JsonObject masking = info == null ? null : object(info, "maskingInfo", at + ".designInfo");
    String infoAt = at + ".designInfo";
    return new RegistryStudy.Design(
        enumValue(m, "studyType", StudyType.class, at),
        phases,
        count,
        type,
        info == null ? null : text(info, "allocation", infoAt, false),
        info == null ? null : text(info, "interventionModel", infoAt, false),
        info == null ? null : text(info, "primaryPurpose", infoAt, false),
        masking == null ? null : text(masking, "masking", infoAt + ".maskingInfo", false),
        masking == null ? List.of() : texts(masking, "whoMasked", infoAt + ".maskingInfo"));
  }

  private RegistryStudy.ArmsInterventions arms(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    List<RegistryStudy.Arm> arms = new ArrayList<>();
    List<JsonObject> groups = objects(m, "armGroups", at);
    for (int i = 0; i < groups.size(); i++) {
      String path = at + ".armGroups[" + i + "]";
      JsonObject g = groups.get(i);
      String label = text(g, "label", path, false);
      if (label == null) {
        warn(path + ": arm group without a label, dropped");
        continue;
      }
      arms.add(
          new RegistryStudy.Arm(
              label,
              enumValue(g, "type", ArmGroupType.class, path),
              text(g, "description", path, true),
              texts(g, "interventionNames", path)));
    }
    List<RegistryStudy.Intervention> interventions = new ArrayList<>();
    List<JsonObject> list = objects(m, "interventions", at);
    for (int i = 0; i < list.size(); i++) {
      String path = at + ".interventions[" + i + "]";
      JsonObject v = list.get(i);
      String name = text(v, "name", path, false);
      if (name == null) {
        warn(path + ": intervention without a name, dropped");
        continue;
      }
      interventions.add(
          new RegistryStudy.Intervention(
              enumValue(v, "type", InterventionType.class, path),
              name,
              texts(v, "armGroupLabels", path),
              text(v, "description", path, true),
              texts(v, "otherNames", path)));
    }
    return new RegistryStudy.ArmsInterventions(arms, interventions);
  }

  private RegistryStudy.Eligibility eligibility(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    Sex sex = enumValue(m, "sex", Sex.class, at);
    Boolean healthy = bool(m, "healthyVolunteers", at);
    return new RegistryStudy.Eligibility(
        text(m, "eligibilityCriteria", at, true),
        sex,
        age(m, "minimumAge", at),
        age(m, "maximumAge", at),
        Boolean.TRUE.equals(healthy));
  }

  private RegistryStudy.ContactsLocations contactsLocations(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    List<RegistryStudy.Location> locations = new ArrayList<>();
    List<JsonObject> list = objects(m, "locations", at);
    for (int i = 0; i < list.size(); i++) {
      String path = at + ".locations[" + i + "]";
      JsonObject l = list.get(i);
      locations.add(
          new RegistryStudy.Location(
              text(l, "facility", path, false),
              enumValue(l, "status", SiteStatus.class, path),
              text(l, "city", path, false),
              text(l, "state", path, false),
              text(l, "zip", path, false),
              text(l, "country", path, false),
              contacts(l, "contacts", path),
              geoPoint(l, path)));
    }
    return new RegistryStudy.ContactsLocations(
        contacts(m, "centralContacts", at), contacts(m, "overallOfficials", at), locations);
  }

  private RegistryStudy.References references(JsonObject m, String at) {
    if (m == null) {
      return null;
    }
    List<RegistryStudy.Reference> references = new ArrayList<>();
    List<JsonObject> list = objects(m, "references", at);
    for (int i = 0; i < list.size(); i++) {
      String path = at + ".references[" + i + "]";
      JsonObject r = list.get(i);
      references.add(
          new RegistryStudy.Reference(
              text(r, "pmid", path, false),
              enumValue(r, "type", ReferenceType.class, path),
              text(r, "citation", path, true)));
    }
    return new RegistryStudy.References(references);
  }

  // ---- parts ----

  private List<Contact> contacts(JsonObject parent, String field, String at) {
    List<Contact> contacts = new ArrayList<>();
    List<JsonObject> list = objects(parent, field, at);
    for (int i = 0; i < list.size(); i++) {
      String path = at + "." + field + "[" + i + "]";
      JsonObject c = list.get(i);
      contacts.add(
          new Contact(
              text(c, "name", path, false),
              enumValue(c, "role", ContactRole.class, path),
              text(c, "phone", path, false),
              text(c, "phoneExt", path, false),
              text(c, "email", path, false),
              text(c, "affiliation", path, false)));
    }
    return contacts;
  }

  private GeoPoint geoPoint(JsonObject location, String at) {
    JsonObject g = object(location, "geoPoint", at);
    if (g == null) {
      return null;
    }
    Double lat = number(g, "lat", at + ".geoPoint");
    Double lon = number(g, "lon", at + ".geoPoint");
    if (lat == null || lon == null) {
      warn(at + ".geoPoint: needs both lat and lon, dropped");
      return null;
    }
    try {
      return new GeoPoint(lat, lon);
    } catch (IllegalArgumentException e) {
      warn(at + ".geoPoint: " + e.getMessage());
      return null;
    }
  }

  private AgeLimit age(JsonObject m, String field, String at) {
    String text = text(m, field, at, false);
    if (text == null || text.equalsIgnoreCase("N/A")) {
      return null;
    }
    try {
      return AgeLimit.parse(text);
    } catch (IllegalArgumentException e) {
      warn(at + "." + field + ": not an age such as \"18 Years\": \"" + text + "\", dropped");
      return null;
    }
  }

  /**
   * PartialDate: yyyy, yyyy-MM or yyyy-MM-dd; the first day of the year or month when that is all.
   */
  private LocalDate partialDate(JsonObject m, String field, String at) {
    String text = text(m, field, at, false);
    if (text == null) {
      return null;
    }
    try {
      return switch (text.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
        case 7 -> YearMonth.parse(text).atDay(1);
        default -> LocalDate.parse(text);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      warn(
          at
              + "."
              + field
              + ": not a date such as \"2024-01\" or \"2024-01-15\": \""
              + text
              + "\", dropped");
      return null;
    }
  }

  // ---- JSON access that warns instead of failing ----

  private JsonObject module(JsonObject protocol, String name, String at) {
    return object(protocol, name, at);
  }

  private JsonObject object(JsonObject parent, String field, String at) {
    JsonValue v = parent.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    warn(at + "." + field + ": expected an object, found " + v.getValueType() + ", dropped");
    return null;
  }

  private List<JsonObject> objects(JsonObject parent, String field, String at) {
    JsonArray array = array(parent, field, at);
    List<JsonObject> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonObject o) {
        out.add(o);
      } else {
        warn(
            at
                + "."
                + field
                + "["
                + i
                + "]: expected an object, found "
                + array.get(i).getValueType()
                + ", dropped");
      }
    }
    return out;
  }

  private JsonArray array(JsonObject parent, String field, String at) {
    JsonValue v = parent.get(field);
    if (v == null || v == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    warn(at + "." + field + ": expected an array, found " + v.getValueType() + ", dropped");
    return JsonValue.EMPTY_JSON_ARRAY;
  }

  private List<String> texts(JsonObject parent, String field, String at) {
    JsonArray array = array(parent, field, at);
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue v = array.get(i);
      if (v instanceof JsonString s) {
        if (!s.getString().isBlank()) {
          out.add(s.getString().strip());
        }
      } else {
        warn(
            at
                + "."
                + field
                + "["
                + i
                + "]: expected a string, found "
                + v.getValueType()
                + ", dropped");
      }
    }
    return out;
  }

  /**
   * A string field, stripped; null when absent or blank. {@code prose} fields are checked for being
   * cut short.
   */
  private String text(JsonObject parent, String field, String at, boolean prose) {
    JsonValue v = parent.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      warn(at + "." + field + ": expected a string, found " + v.getValueType() + ", dropped");
      return null;
    }
    String text = s.getString().strip();
    if (text.isEmpty()) {
      warn(at + "." + field + ": empty");
      return null;
    }
    if (prose && CUT_SHORT.matcher(text).find()) {
      warn(at + "." + field + ": looks cut short (ends with \"...\")");
    }
    return text;
  }

  private Integer integer(JsonObject parent, String field, String at) {
    JsonValue v = parent.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        // falls through to the warning
      }
    }
    warn(at + "." + field + ": expected a whole number, found " + v + ", dropped");
    return null;
  }

  private Double number(JsonObject parent, String field, String at) {
    JsonValue v = parent.get(field);
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    if (v != null && v != JsonValue.NULL) {
      warn(at + "." + field + ": expected a number, found " + v.getValueType() + ", dropped");
    }
    return null;
  }

  private Boolean bool(JsonObject parent, String field, String at) {
    JsonValue v = parent.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE;
    }
    warn(at + "." + field + ": expected true or false, found " + v.getValueType() + ", dropped");
    return null;
  }

  private <E extends Enum<E>> E enumValue(
      JsonObject parent, String field, Class<E> type, String at) {
    String text = text(parent, field, at, false);
    return text == null ? null : enumOf(text, type, at + "." + field);
  }

  private <E extends Enum<E>> E enumOf(String text, Class<E> type, String path) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      warn(path + ": unknown value \"" + text + "\", dropped");
      return null;
    }
  }

  private void warn(String warning) {
    warnings.add(warning);
  }
}
