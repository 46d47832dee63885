package org.opentrials.portal.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.trial.ArmGroup;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.Reference;
import org.opentrials.portal.domain.trial.Trial;

/**
 * Snapshots of what an import writes, rendered as text for comparing before and after and for the
 * report: every change an import makes is a difference between two snapshots.
 */
final class ImportSnapshots {
  private ImportSnapshots() {}

  static Map<String, String> snapshot(Trial t) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("briefTitle", t.briefTitle());
    m.put("officialTitle", t.officialTitle());
    m.put("acronym", t.acronym());
    m.put("studyType", Render.name(t.studyType()));
    m.put("overallStatus", Render.name(t.overallStatus()));
    m.put("statusVerifiedOn", Render.date(t.statusVerifiedOn()));
    m.put("leadSponsor", t.leadSponsor());
    m.put("collaborators", Render.lines(t.collaborators()));
    m.put("overseenBy", t.overseenBy());
    m.put("briefSummary", t.briefSummary());
    m.put("conditions", Render.lines(t.conditions()));
    m.put("keywords", Render.lines(t.keywords()));
    m.put("phases", Render.lines(t.phases().stream().sorted().map(Enum::name).toList()));
    m.put("enrollment", t.enrollment() == null ? null : t.enrollment().toString());
    m.put("enrollmentType", Render.name(t.enrollmentType()));
    m.put("minimumAge", t.minimumAge() == null ? null : t.minimumAge().registryText());
    m.put("maximumAge", t.maximumAge() == null ? null : t.maximumAge().registryText());
    m.put("sex", Render.name(t.sex()));
    m.put("healthyVolunteers", Boolean.toString(t.healthyVolunteers()));
    m.put("criteria", Render.criteria(t.criteria()));
    m.put("criteriaRules", t.criteriaRules());
    m.put("armGroups", Render.arms(t.armGroups()));
    m.put("references", Render.references(t.references()));
    m.put("registryDetails", t.registryDetails());
    m.put("eligibilityStated", Boolean.toString(t.eligibilityStated()));
    m.put("published", Boolean.toString(t.published()));
    return m;
  }

  static Map<String, String> snapshot(Site s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("facility", s.facility());
    m.put("city", s.city());
    m.put("state", s.state());
    m.put("postalCode", s.postalCode());
    m.put("country", s.country());
    m.put("location", s.location().map(p -> p.latitude() + "," + p.longitude()).orElse(null));
    m.put("locationSource", Render.name(s.locationSource()));
    m.put("status", Render.name(s.status()));
    m.put("statusVerifiedOn", Render.date(s.statusVerifiedOn()));
    m.put("principalInvestigator", s.principalInvestigator());
    m.put("contact", Render.contact(s.contact()).isEmpty() ? null : Render.contact(s.contact()));
    return m;
  }

  /** Text forms of values for comparing and reporting; empty collections render as null. */
  static final class Render {
    private Render() {}

    static String name(Enum<?> e) {
      return e == null ? null : e.name();
    }

    static String date(LocalDate d) {
      return d == null ? null : d.toString();
    }

    static String lines(Collection<String> items) {
      return items.isEmpty() ? null : String.join("\n", items);
    }

    static String criteria(List<CriterionText> criteria) {
      return lines(
          criteria.stream()
              .map(
                  c ->
                      c.kind()
                          + ": "
                          + c.clinicalText()
                          + (c.patientText().equals(c.clinicalText())
                              ? ""
                              : " (shown as: " + c.patientText() + ")")
                          + (c.key() ? " [key]" : ""))
              .toList());
    }

    static String arms(List<ArmGroup> groups) {
      return lines(
          groups.stream()
              .map(
                  g ->
                      g.label()
                          + (g.type() == null ? "" : " (" + g.type() + ")")
                          + (g.description() == null ? "" : ": " + g.description())
                          + g.interventions().stream()
                              .map(
                                  i ->
                                      InterventionNames.interventionReference(i.type(), i.name())
                                          + (i.dose() == null
                                              ? ""
                                              : " "
                                                  + i.dose().amount().toPlainString()
                                                  + " "
                                                  + i.dose().unit()
                                                  + (i.dose().perKilogram() ? "/kg" : ""))
                                          + (i.administration() == null
                                              ? ""
                                              : " " + i.administration()))
                              .collect(Collectors.joining("; ", " <- ", "")))
              .toList());
    }

    static String references(List<Reference> references) {
      return lines(
          references.stream()
              .map(
                  r ->
                      (r.pmid() == null ? "" : "PMID " + r.pmid() + " ")
                          + (r.type() == null ? "" : "(" + r.type() + ") ")
                          + r.title()
                          + (r.year() == null ? "" : " " + r.year())
                          + (r.citation() == null || r.citation().equals(r.title())
                              ? ""
                              : " | " + r.citation())
                          + (r.abstractText() == null ? "" : " [abstract]"))
              .toList());
    }

    static String contact(SiteContact c) {
      if (c == null) {
        return "";
      }
      return java.util.stream.Stream.of(c.name(), c.phone(), c.email())
          .filter(Objects::nonNull)
          .collect(Collectors.joining(", "));
    }
  }
}
