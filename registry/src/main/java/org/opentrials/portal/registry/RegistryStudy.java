package org.opentrials.portal.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import org.opentrials.portal.services.trials.RegistryDetails;

/**
 * One study as read from a ClinicalTrials.gov API v2 record, in the schema's names, before it
 * touches the domain. Only what the portal uses is kept.
 *
 * <p>A module is {@code null} when the record does not have it (search pages may carry only some
 * modules): the merger then leaves what it owns untouched instead of clearing it. A field is {@code
 * null} (or an empty list) when the module has it empty, or when its value was unusable, in which
 * case {@link #warnings()} says why. Enumerations use the domain's enums, which carry the
 * registry's names.
 *
 * @param source where the study was read: file, ZIP entry, position in a search page
 * @param nctId as written in the record; validated by the merger
 * @param warnings what was dropped or looked wrong while reading, each naming the JSON path
 * @param contentHash SHA-256 (hex) over the record's protocolSection as read and the version of the
 *     import's rules ({@link StudyDecoder#RULES_VERSION}), {@code null} without a protocolSection:
 *     the same hash as at the last import means the registry has published nothing new for the
 *     trial
 */
public record RegistryStudy(
    String source,
    String nctId,
    Identification identification,
    Status status,
    Sponsors sponsors,
    Description description,
    Conditions conditions,
    Design design,
    ArmsInterventions armsInterventions,
    Eligibility eligibility,
    ContactsLocations contactsLocations,
    References references,
    Outcomes outcomes,
    Boolean hasResults,
    List<String> warnings,
    String contentHash) {

  public RegistryStudy {
    warnings = List.copyOf(warnings);
  }

  /** The study with further warnings, e.g. from the merger. */
  public RegistryStudy withWarnings(List<String> more) {
    return new RegistryStudy(
        source,
        nctId,
        identification,
        status,
        sponsors,
        description,
        conditions,
        design,
        armsInterventions,
        eligibility,
        contactsLocations,
        references,
        outcomes,
        hasResults,
        java.util.stream.Stream.concat(warnings.stream(), more.stream()).toList(),
        contentHash);
  }

  /** identificationModule. */
  public record Identification(
      String briefTitle,
      String officialTitle,
      String acronym,
      String organization,
      List<RegistryDetails.SecondaryId> secondaryIds) {
    public Identification {
      secondaryIds = List.copyOf(secondaryIds);
    }
  }

  /**
   * statusModule; {@code lastVerified} is statusVerifiedDate, the first day of the month when only
   * a month is given; the study's dates keep the precision the registry gives them.
   */
  public record Status(
      OverallStatus overallStatus,
      LocalDate lastVerified,
      RegistryDetails.PartialDate startDate,
      RegistryDetails.PartialDate primaryCompletionDate,
      RegistryDetails.PartialDate completionDate,
      String whyStopped) {}

  /** sponsorCollaboratorsModule. */
  public record Sponsors(String leadSponsor, List<String> collaborators) {
    public Sponsors {
      collaborators = List.copyOf(collaborators);
    }
  }

  /** descriptionModule. */
  public record Description(String briefSummary) {}

  /** conditionsModule. */
  public record Conditions(List<String> conditions, List<String> keywords) {
    public Conditions {
      conditions = List.copyOf(conditions);
      keywords = List.copyOf(keywords);
    }
  }

  /** designModule: study type, phases and enrollmentInfo. */
  public record Design(
      StudyType studyType,
      Set<Phase> phases,
      Integer enrollmentCount,
      EnrollmentType enrollmentType,
      String allocation,
      String interventionModel,
      String primaryPurpose,
      String masking,
      List<String> whoMasked) {
    public Design {
      phases = Set.copyOf(phases);
      whoMasked = List.copyOf(whoMasked);
    }
  }

  /** outcomesModule: the primary outcomes. */
  public record Outcomes(List<RegistryDetails.Outcome> primaryOutcomes) {
    public Outcomes {
      primaryOutcomes = List.copyOf(primaryOutcomes);
    }
  }

  /** armsInterventionsModule. */
  public record ArmsInterventions(List<Arm> armGroups, List<Intervention> interventions) {
    public ArmsInterventions {
      armGroups = List.copyOf(armGroups);
      interventions = List.copyOf(interventions);
    }
  }

  /** An arm group; {@code interventionNames} as written, e.g. "Drug: GET73". */
  public record Arm(
      String label, ArmGroupType type, String description, List<String> interventionNames) {
    public Arm {
      interventionNames = List.copyOf(interventionNames);
    }
  }

  /** An intervention and the labels of the arm groups that receive it. */
  public record Intervention(
      InterventionType type,
      String name,
      List<String> armGroupLabels,
      String description,
      List<String> otherNames) {
    public Intervention {
      armGroupLabels = List.copyOf(armGroupLabels);
      otherNames = List.copyOf(otherNames);
    }
  }

  /** eligibilityModule; {@code criteria} is the eligibilityCriteria text as written. */
  public record Eligibility(
      String criteria,
      Sex sex,
      AgeLimit minimumAge,
      AgeLimit maximumAge,
      boolean healthyVolunteers) {}

  /** contactsLocationsModule. */
  public record ContactsLocations(
      List<Contact> centralContacts, List<Contact> overallOfficials, List<Location> locations) {
    public ContactsLocations {
      centralContacts = List.copyOf(centralContacts);
      overallOfficials = List.copyOf(overallOfficials);
      locations = List.copyOf(locations);
    }
  }

  /** The schema's ContactRole (OfficialRole is its subset without CONTACT). */
  public enum ContactRole {
    STUDY_CHAIR,
    STUDY_DIRECTOR,
    PRINCIPAL_INVESTIGATOR,
    SUB_INVESTIGATOR,
    CONTACT
  }

  /** A central contact, an overall official (phone and email empty) or a location's contact. */
  public record Contact(
      String name,
      ContactRole role,
      String phone,
      String phoneExt,
      String email,
      String affiliation) {}

  /** A location (site) with its own recruitment status and contacts. */
  public record Location(
      String facility,
      SiteStatus status,
      String city,
      String state,
      String zip,
      String country,
      List<Contact> contacts,
      GeoPoint geoPoint) {
    public Location {
      contacts = List.copyOf(contacts);
    }
  }

  /** referencesModule. */
  public record References(List<Reference> references) {
    public References {
      references = List.copyOf(references);
    }
  }

  /** A publication: PubMed id, how it relates to the study, and the citation as written. */
  public record Reference(String pmid, ReferenceType type, String citation) {}
}
