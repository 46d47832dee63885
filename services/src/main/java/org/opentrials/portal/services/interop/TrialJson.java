package org.opentrials.portal.services.interop;

import static org.opentrials.portal.services.interop.JsonFields.array;
import static org.opentrials.portal.services.interop.JsonFields.object;
import static org.opentrials.portal.services.interop.JsonFields.put;
import static org.opentrials.portal.services.interop.JsonFields.strings;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.opentrials.portal.services.geo.Place;
import org.opentrials.portal.services.trials.RegistryDetails;
import org.opentrials.portal.services.trials.SiteView;
import org.opentrials.portal.services.trials.TrialPageView;

/**
 * The public trial page as JSON (GET /api/trials/{nct}). Every field is always present, null when
 * unknown, so that partners can rely on the shape; names are camelCase, dates ISO-8601 ({@code
 * 2025-08-31}), enumerations are ClinicalTrials.gov API v2 names ({@code RECRUITING}, {@code
 * PHASE2}). README.md ("Trial API") lists the fields; a field is only ever added, never renamed or
 * removed.
 */
public final class TrialJson {
  private TrialJson() {}

  /**
   * @param t the trial page, its sites nearest first when the visitor's place is known
   * @param near the visitor's place, or null
   * @param nearQuery what the visitor typed for it
   * @param portalUrl the portal's address without a trailing slash, for the page links
   */
  public static JsonObject of(TrialPageView t, Place near, String nearQuery, String portalUrl) {
    String pageUrl = portalUrl + "/trials/" + t.nct();
    JsonObjectBuilder o = object().add("nct", t.nct()).add("pageUrl", pageUrl);
    put(o, "acronym", t.acronym());
    o.add("briefTitle", t.briefTitle());
    put(o, "officialTitle", t.officialTitle());
    o.add("studyType", t.studyType())
        .add("phases", strings(t.phases()))
        .add("conditions", strings(t.conditions()))
        .add("keywords", strings(t.keywords()))
        .add("overallStatus", t.overallStatus());
    put(o, "statusVerifiedOn", t.statusVerifiedOn());
    o.add("statusMayBeOutdated", t.statusMayBeOutdated());
    put(o, "placesLeft", t.placesLeft());
    put(o, "placesLeftUntil", t.placesLeftUntil());
    put(o, "enrollment", t.enrollment());
    put(o, "enrollmentType", t.enrollmentType());
    o.add("leadSponsor", t.leadSponsor()).add("collaborators", strings(t.collaborators()));
    put(o, "overseenBy", t.overseenBy());
    put(o, "briefSummary", t.briefSummary());
    put(o, "plainSummary", t.plainSummary());
    put(o, "groupsSummary", t.groupsSummary());
    JsonArrayBuilder faq = array();
    t.faq().forEach(f -> faq.add(object().add("question", f.question()).add("answer", f.answer())));
    o.add("faq", faq)
        .add("travelSupport", t.travelSupport())
        .add("timeReimbursement", t.timeReimbursement());
    put(o, "waitlistAvailable", t.waitlistAvailable());
    put(o, "priorSafetyData", t.priorSafetyData());
    registry(o, t);
    o.add("eligibility", eligibility(t))
        .add("groups", groups(t))
        .add("approvals", approvals(t))
        .add("references", references(t));
    JsonArrayBuilder safety = array();
    t.safetySummaries()
        .forEach(s -> safety.add(put(object().add("text", s.text()), "asOf", s.asOf())));
    o.add("safetySummaries", safety);
    if (near == null) {
      o.add("near", JsonValue.NULL);
    } else {
      o.add(
          "near",
          object()
              .add("query", nearQuery)
              .add("label", near.label())
              .add("latitude", near.point().latitude())
              .add("longitude", near.point().longitude()));
    }
    JsonArrayBuilder sites = array();
    t.sites().forEach(s -> sites.add(site(s, pageUrl)));
    return o.add("sites", sites).build();
  }

  private static JsonObjectBuilder eligibility(TrialPageView t) {
    JsonObjectBuilder e = object();
    put(e, "summary", t.eligibilitySummary());
    put(e, "minimumAgeYears", t.minimumAgeYears());
    put(e, "maximumAgeYears", t.maximumAgeYears());
    put(e, "sex", t.eligibilityStated() ? t.sex() : null);
    return e.add("stated", t.eligibilityStated())
        .add("inclusion", strings(t.inclusion()))
        .add("exclusion", strings(t.exclusion()))
        .add("keyInclusion", strings(t.keyInclusion()))
        .add("keyExclusion", strings(t.keyExclusion()))
        .add("prescreeningAvailable", t.prescreeningAvailable());
  }

  /** What the registry publishes beyond the page's own fields (README: "Trial API"). */
  private static void registry(JsonObjectBuilder o, TrialPageView t) {
    RegistryDetails r = t.registry();
    o.add("registryUrl", t.registryUrl()).add("takesParticipants", t.takesParticipants());
    put(o, "whyStopped", r.whyStopped());
    o.add("hasResults", r.hasResults());
    JsonArrayBuilder officials = array();
    for (RegistryDetails.Official official : r.officials()) {
      JsonObjectBuilder b = object().add("name", official.name());
      put(b, "role", official.role());
      officials.add(put(b, "affiliation", official.affiliation()));
    }
    o.add("officials", officials);
    JsonObjectBuilder dates = object();
    date(dates, "start", r.startDate());
    date(dates, "primaryCompletion", r.primaryCompletionDate());
    date(dates, "completion", r.completionDate());
    o.add("dates", dates);
    JsonObjectBuilder design = object();
    put(design, "allocation", r.allocation());
    put(design, "interventionModel", r.interventionModel());
    put(design, "primaryPurpose", r.primaryPurpose());
    put(design, "masking", r.masking());
    o.add("design", design.add("whoMasked", strings(r.whoMasked())));
    JsonArrayBuilder outcomes = array();
    for (RegistryDetails.Outcome outcome : r.primaryOutcomes()) {
      outcomes.add(
          put(object().add("measure", outcome.measure()), "timeFrame", outcome.timeFrame()));
    }
    o.add("primaryOutcomes", outcomes);
    JsonArrayBuilder ids = array();
    for (RegistryDetails.SecondaryId id : r.secondaryIds()) {
      JsonObjectBuilder b = object().add("id", id.id());
      put(b, "type", id.type());
      ids.add(put(b, "domain", id.domain()));
    }
    o.add("secondaryIds", ids);
    JsonArrayBuilder interventions = array();
    for (RegistryDetails.InterventionDetail i : r.interventions()) {
      JsonObjectBuilder b = object().add("name", i.name());
      put(b, "type", i.type());
      put(b, "description", i.description());
      interventions.add(b.add("otherNames", strings(i.otherNames())));
    }
    o.add("interventions", interventions);
  }

  /** {date: "2020-04", precision: "MONTH", type: "ACTUAL"} or null. */
  private static void date(JsonObjectBuilder o, String name, RegistryDetails.PartialDate d) {
    if (d == null) {
      o.add(name, JsonValue.NULL);
    } else {
      JsonObjectBuilder b = object().add("date", d.value()).add("precision", d.precision());
      o.add(name, put(b, "type", d.type()));
    }
  }

  private static JsonArrayBuilder groups(TrialPageView t) {
    JsonArrayBuilder groups = array();
    for (TrialPageView.Group g : t.groups()) {
      JsonArrayBuilder interventions = array();
      for (TrialPageView.InterventionView i : g.interventions()) {
        JsonObjectBuilder intervention = object().add("name", i.name()).add("type", i.type());
        if (i.hasDose()) {
          JsonObjectBuilder dose = object().add("amount", i.doseAmount());
          put(dose, "unit", i.doseUnit());
          intervention.add("dose", dose.add("perKilogram", i.perKilogram()));
        } else {
          intervention.add("dose", JsonValue.NULL);
        }
        interventions.add(put(intervention, "administration", i.administration()));
      }
      JsonObjectBuilder group = object().add("label", g.label());
      put(group, "type", g.type());
      put(group, "description", g.description());
      groups.add(group.add("interventions", interventions));
    }
    return groups;
  }

  private static JsonArrayBuilder approvals(TrialPageView t) {
    JsonArrayBuilder approvals = array();
    for (TrialPageView.ApprovalView a : t.approvals()) {
      JsonObjectBuilder approval = object().add("subject", a.subject());
      put(approval, "countryCode", a.countryCode());
      put(approval, "approvedName", a.approvedName());
      approvals.add(approval.add("indications", strings(a.indications())));
    }
    return approvals;
  }

  private static JsonArrayBuilder references(TrialPageView t) {
    JsonArrayBuilder references = array();
    for (TrialPageView.ReferenceView r : t.references()) {
      JsonObjectBuilder reference = object();
      put(reference, "title", r.title());
      put(reference, "year", r.year());
      put(reference, "pmid", r.pmid());
      put(reference, "citation", r.citation());
      references.add(put(reference, "abstract", r.abstractText()));
    }
    return references;
  }

  private static JsonObjectBuilder site(SiteView s, String trialPageUrl) {
    JsonObjectBuilder o =
        object()
            .add("slug", s.slug())
            .add("pageUrl", trialPageUrl + "/sites/" + s.slug())
            .add("name", s.name());
    put(o, "facility", s.facility());
    o.add("city", s.city());
    put(o, "state", s.state());
    put(o, "postalCode", s.postalCode());
    put(o, "country", s.country());
    put(o, "status", s.status());
    o.add("recruiting", s.recruiting());
    put(o, "statusVerifiedOn", s.statusVerifiedOn());
    o.add("statusMayBeOutdated", s.statusMayBeOutdated());
    put(o, "placesLeft", s.placesLeft());
    put(o, "placesLeftUntil", s.placesLeftUntil());
    put(o, "principalInvestigator", s.principalInvestigator());
    if (s.contactName() == null && s.contactPhone() == null && s.contactEmail() == null) {
      o.add("contact", JsonValue.NULL);
    } else {
      JsonObjectBuilder contact = object();
      put(contact, "name", s.contactName());
      put(contact, "phone", s.contactPhone());
      o.add("contact", put(contact, "email", s.contactEmail()));
    }
    put(o, "displayTitle", s.displayTitle());
    if (s.latitude() == null) {
      o.add("location", JsonValue.NULL);
    } else {
      o.add("location", object().add("latitude", s.latitude()).add("longitude", s.longitude()));
    }
    put(o, "locationSource", s.locationSource());
    put(o, "distanceMiles", tenths(s.distanceMiles()));
    return put(o, "distanceKm", tenths(s.distanceKm()));
  }

  private static Double tenths(Double d) {
    return d == null ? null : Math.round(d * 10) / 10.0;
  }
}
