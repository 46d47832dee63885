package org.opentrials.portal.services.interop;

import static org.opentrials.portal.services.interop.JsonFields.array;
import static org.opentrials.portal.services.interop.JsonFields.object;
import static org.opentrials.portal.services.interop.JsonFields.putIfPresent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.services.trials.SiteView;
import org.opentrials.portal.services.trials.TrialPageView;

/**
 * A published trial as a FHIR R4 (4.0.1) ResearchStudy in JSON (GET /api/trials/{nct}/fhir).
 *
 * <p>Built with JSON-P, which the server provides, rather than HAPI FHIR's model: HAPI would add
 * some 40 MB of libraries (Jena, Saxon, ICU, Jackson...) to the public application, and its start
 * time, for about two hundred lines of mapping. That the output is valid R4 is checked in the tests
 * with HAPI's validator against the R4 structure definitions, for every demo and imported trial.
 *
 * <p>What maps where: the sponsor, the official who oversees the study and the enrolment figure are
 * contained resources (an Organization, a Practitioner, a Group with its quantity), referenced from
 * {@code sponsor}, {@code principalInvestigator} and {@code enrollment}; each site is a contained
 * Location referenced from {@code site}, with its address, position, and the site contact's phone
 * and email as telecom. R4 has no element for a site's recruitment status (its Location.status is
 * about the building), so that goes into the Location's description; collaborators and a site's
 * contact person have no R4 element either and are left out (the portal JSON has them).
 */
public final class ResearchStudyR4 {
  public static final String MEDIA_TYPE = "application/fhir+json";
  public static final String CLINICALTRIALS_GOV = "https://clinicaltrials.gov";
  static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";

  /**
   * ClinicalTrials.gov's overall status as an R4 ResearchStudy.status. The statuses of expanded
   * access programmes follow the same logic: AVAILABLE takes people (active),
   * TEMPORARILY_NOT_AVAILABLE is paused, NO_LONGER_AVAILABLE takes nobody more,
   * APPROVED_FOR_MARKETING has ended because the treatment is approved (completed). UNKNOWN (the
   * registry's "unknown status": last known to be recruiting or active, not verified for two years
   * and past its completion date) and WITHHELD have no R4 code, and R4 requires one (a
   * data-absent-reason instead fails the required binding): both are closed-to-accrual, as nobody
   * vouches that they take anyone, and the narrative text keeps the registry's own status.
   */
  private static final Map<OverallStatus, String> STATUS =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(OverallStatus.RECRUITING, "active"),
              Map.entry(OverallStatus.ENROLLING_BY_INVITATION, "active"),
              Map.entry(OverallStatus.AVAILABLE, "active"),
              Map.entry(OverallStatus.NOT_YET_RECRUITING, "approved"),
              Map.entry(OverallStatus.ACTIVE_NOT_RECRUITING, "closed-to-accrual"),
              Map.entry(OverallStatus.NO_LONGER_AVAILABLE, "closed-to-accrual"),
              Map.entry(OverallStatus.SUSPENDED, "temporarily-closed-to-accrual"),
              Map.entry(OverallStatus.TEMPORARILY_NOT_AVAILABLE, "temporarily-closed-to-accrual"),
              Map.entry(OverallStatus.TERMINATED, "administratively-completed"),
              Map.entry(OverallStatus.COMPLETED, "completed"),
              Map.entry(OverallStatus.APPROVED_FOR_MARKETING, "completed"),
              Map.entry(OverallStatus.WITHDRAWN, "withdrawn"),
              Map.entry(OverallStatus.UNKNOWN, "closed-to-accrual"),
              Map.entry(OverallStatus.WITHHELD, "closed-to-accrual")));

  static {
    if (STATUS.size() != OverallStatus.values().length) {
      throw new ExceptionInInitializerError("an overall status without an R4 ResearchStudy.status");
    }
  }

  /**
   * ClinicalTrials.gov phases (sorted, joined by "+") as R4 research-study-phase codes and
   * displays.
   */
  private static final Map<String, String[]> PHASE =
      Map.of(
          "NA", new String[] {"n-a", "N/A"},
          "EARLY_PHASE1", new String[] {"early-phase-1", "Early Phase 1"},
          "PHASE1", new String[] {"phase-1", "Phase 1"},
          "PHASE1+PHASE2", new String[] {"phase-1-phase-2", "Phase 1/Phase 2"},
          "PHASE2", new String[] {"phase-2", "Phase 2"},
          "PHASE2+PHASE3", new String[] {"phase-2-phase-3", "Phase 2/Phase 3"},
          "PHASE3", new String[] {"phase-3", "Phase 3"},
          "PHASE4", new String[] {"phase-4", "Phase 4"});

  private ResearchStudyR4() {}

  /** The R4 ResearchStudy.status for a ClinicalTrials.gov overall status. */
  public static String status(OverallStatus status) {
    return STATUS.get(status);
  }

  /**
   * The R4 research-study-phase code for the study's phases; empty when there are none or no code
   * fits.
   */
  public static Optional<String> phaseCode(List<String> phases) {
    return Optional.ofNullable(PHASE.get(String.join("+", phases.stream().sorted().toList())))
        .map(p -> p[0]);
  }

  private static JsonArrayBuilder secondaryIds(TrialPageView t) {
    JsonArrayBuilder ids = array();
    for (var id : t.registry().secondaryIds()) {
      JsonObjectBuilder identifier = object().add("use", "secondary");
      if (id.type() != null || id.domain() != null) {
        identifier.add(
            "type",
            object().add("text", id.domain() != null ? id.domain() : id.type().replace('_', ' ')));
      }
      ids.add(identifier.add("value", id.id()));
    }
    return ids;
  }

  /**
   * For an imported study, only an official whose registry role is PRINCIPAL_INVESTIGATOR: a study
   * director is often a department ("Clinical Trial Management"), never the investigator. A trial
   * entered by hand names who oversees it.
   */
  private static String principalInvestigator(TrialPageView t) {
    if (t.registry().officials().isEmpty()) {
      return t.overseenBy();
    }
    var pi = t.registry().principalInvestigator();
    return pi == null ? null : pi.name();
  }

  /** The study's start and (primary) completion, at the precision the registry gives them. */
  private static Optional<JsonObjectBuilder> period(TrialPageView t) {
    var start = t.registry().startDate();
    var end = t.registry().completionDate();
    if (start == null && end == null) {
      return Optional.empty();
    }
    JsonObjectBuilder p = object();
    if (start != null) {
      p.add("start", start.value());
    }
    if (end != null && !end.estimated()) {
      p.add("end", end.value());
    }
    return Optional.of(p);
  }

  public static JsonObject of(TrialPageView t) {
    JsonArrayBuilder contained = array();
    JsonObjectBuilder study =
        object()
            .add(
                "identifier",
                array()
                    .add(
                        object()
                            .add("use", "official")
                            .add("system", CLINICALTRIALS_GOV)
                            .add("value", t.nct()))
                    .addAll(secondaryIds(t)))
            .add("title", t.briefTitle());
    study.add("status", status(OverallStatus.valueOf(t.overallStatus())));
    phase(t.phases()).ifPresent(p -> study.add("phase", p));
    if (!t.conditions().isEmpty()) {
      study.add("condition", texts(t.conditions()));
    }
    if (!t.keywords().isEmpty()) {
      study.add("keyword", texts(t.keywords()));
    }
    putIfPresent(
        study, "description", t.briefSummary() != null ? t.briefSummary() : t.plainSummary());
    if (t.enrollment() != null) {
      contained.add(
          object()
              .add("resourceType", "Group")
              .add("id", "enrollment")
              // A descriptive group (actual: false, no member list); its name says whether the
              // count is the registry's final figure or a target, without the word "actual".
              .add(
                  "name",
                  "ACTUAL".equals(t.enrollmentType())
                      ? "Participants enrolled"
                      : "ESTIMATED".equals(t.enrollmentType())
                          ? "Participants planned (estimated enrolment)"
                          : "Participants")
              .add("type", "person")
              .add("actual", false)
              .add("quantity", t.enrollment()));
      study.add("enrollment", array().add(reference("enrollment", null)));
    }
    contained.add(
        object()
            .add("resourceType", "Organization")
            .add("id", "sponsor")
            .add("name", t.leadSponsor()));
    study.add("sponsor", reference("sponsor", t.leadSponsor()));
    String investigator = principalInvestigator(t);
    if (investigator != null) {
      contained.add(
          object()
              .add("resourceType", "Practitioner")
              .add("id", "principal-investigator")
              .add("name", array().add(object().add("text", investigator))));
      study.add("principalInvestigator", reference("principal-investigator", investigator));
    }
    period(t).ifPresent(p -> study.add("period", p));
    if (!t.sites().isEmpty()) {
      JsonArrayBuilder sites = array();
      Set<String> ids = new HashSet<>();
      for (SiteView s : t.sites()) {
        String id = locationId(s.slug(), ids);
        contained.add(location(s, id));
        sites.add(reference(id, s.name()));
      }
      study.add("site", sites);
    }
    if (!t.references().isEmpty()) {
      study.add("relatedArtifact", relatedArtifacts(t.references()));
    }
    if (!t.groups().isEmpty()) {
      JsonArrayBuilder arms = array();
      for (TrialPageView.Group g : t.groups()) {
        JsonObjectBuilder arm = object().add("name", g.label());
        if (g.type() != null) {
          arm.add("type", object().add("text", words(g.type())));
        }
        arms.add(putIfPresent(arm, "description", g.description()));
      }
      study.add("arm", arms);
    }
    return object()
        .add("resourceType", "ResearchStudy")
        .add("id", t.nct())
        .add("text", narrative(t))
        .add("contained", contained)
        .addAll(study)
        .build();
  }

  /** A FHIR answer for a trial that is not there. */
  public static JsonObject notFound(String message) {
    return object()
        .add("resourceType", "OperationOutcome")
        .add(
            "issue",
            array()
                .add(
                    object()
                        .add("severity", "error")
                        .add("code", "not-found")
                        .add("diagnostics", message)))
        .build();
  }

  private static Optional<JsonObjectBuilder> phase(List<String> phases) {
    if (phases.isEmpty()) {
      return Optional.empty();
    }
    String[] known = PHASE.get(String.join("+", phases.stream().sorted().toList()));
    String text = String.join(", ", phases.stream().sorted().map(ResearchStudyR4::words).toList());
    JsonObjectBuilder phase = object();
    if (known != null) {
      phase.add(
          "coding",
          array()
              .add(
                  object()
                      .add("system", PHASE_SYSTEM)
                      .add("code", known[0])
                      .add("display", known[1])));
      text = known[1];
    }
    return Optional.of(phase.add("text", text));
  }

  private static JsonObjectBuilder location(SiteView s, String id) {
    JsonObjectBuilder location =
        object().add("resourceType", "Location").add("id", id).add("name", s.name());
    if (s.status() != null) {
      location.add(
          "description", "Recruitment at this site (ClinicalTrials.gov status): " + s.status());
    }
    JsonArrayBuilder telecom = array();
    boolean anyTelecom = false;
    if (s.contactPhone() != null) {
      telecom.add(
          object().add("system", "phone").add("value", s.contactPhone()).add("use", "work"));
      anyTelecom = true;
    }
    if (s.contactEmail() != null) {
      telecom.add(
          object().add("system", "email").add("value", s.contactEmail()).add("use", "work"));
      anyTelecom = true;
    }
    if (anyTelecom) {
      location.add("telecom", telecom);
    }
    JsonObjectBuilder address = object().add("city", s.city());
    putIfPresent(address, "state", s.state());
    putIfPresent(address, "postalCode", s.postalCode());
    putIfPresent(address, "country", s.country());
    location.add("address", address);
    if (s.latitude() != null && s.longitude() != null) {
      location.add(
          "position",
          object().add("longitude", decimal(s.longitude())).add("latitude", decimal(s.latitude())));
    }
    return location;
  }

  private static JsonArrayBuilder relatedArtifacts(List<TrialPageView.ReferenceView> references) {
    JsonArrayBuilder artifacts = array();
    for (TrialPageView.ReferenceView r : references) {
      JsonObjectBuilder artifact = object().add("type", "citation");
      putIfPresent(artifact, "display", r.title());
      putIfPresent(artifact, "citation", r.citation());
      if (r.pmid() != null) {
        artifact.add("url", "https://pubmed.ncbi.nlm.nih.gov/" + r.pmid() + "/");
      }
      artifacts.add(artifact);
    }
    return artifacts;
  }

  /** A contained resource's id: "site-" and the slug, within FHIR's 64 characters and unique. */
  private static String locationId(String slug, Set<String> taken) {
    String base =
        ("site-" + slug).length() <= 60 ? "site-" + slug : ("site-" + slug).substring(0, 60);
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static JsonObjectBuilder reference(String containedId, String display) {
    return putIfPresent(object().add("reference", "#" + containedId), "display", display);
  }

  private static JsonArrayBuilder texts(List<String> values) {
    JsonArrayBuilder concepts = array();
    values.forEach(v -> concepts.add(object().add("text", v)));
    return concepts;
  }

  /** "ACTIVE_COMPARATOR" as "Active comparator". */
  private static String words(String enumName) {
    String lower = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** FHIR decimals are written without an exponent. */
  private static BigDecimal decimal(double d) {
    return new BigDecimal(BigDecimal.valueOf(d).toPlainString());
  }

  private static JsonObjectBuilder narrative(TrialPageView t) {
    String div =
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>"
            + t.nct()
            + "</b>: "
            + xml(t.briefTitle())
            + "</p><p>Status on ClinicalTrials.gov: "
            + t.overallStatus()
            + "; sponsor: "
            + xml(t.leadSponsor())
            + "; "
            + t.sites().size()
            + (t.sites().size() == 1 ? " site" : " sites")
            + ".</p></div>";
    return object().add("status", "generated").add("div", div);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
