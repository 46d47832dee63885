package org.opentrials.portal.services.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.contact.ContactRequest;
import org.opentrials.portal.domain.contact.ContactRequestRepository;
import org.opentrials.portal.domain.contact.RequestStatus;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.prescreen.QuestionTexts;
import org.opentrials.portal.services.shared.AccessDenied;
import org.opentrials.portal.services.shared.Csv;
import org.opentrials.portal.services.sites.SiteAccess;
import org.opentrials.portal.services.sites.SiteAccess.Authorized;

/**
 * Contact requests for their site's team: opened only after the caller is authorized for the site.
 */
@ApplicationScoped
@Transactional
public class SiteRequestsService implements SiteRequests {
  /** How the audit trail names the kind of object. */
  public static final String ENTITY_TYPE = "ContactRequest";

  static final List<String> CSV_HEADER =
      List.of(
          "reference",
          "trial",
          "site",
          "kind",
          "status",
          "received_utc",
          "status_changed_utc",
          "consent_version",
          "prescreen_verdict",
          "name",
          "phone",
          "email",
          "preferred_time",
          "prescreen_answers");

  private EntityManager em;

  private SiteAccess access;
  private ContactRequestRepository requests;
  private ContactRequests contact;
  private AuditTrail audit;
  private Clock clock;
  private TrialRepository trials;
  private SiteRepository sites;

  /** For the container's proxies only (see README, "Injection"). */
  protected SiteRequestsService() {}

  @Inject
  public SiteRequestsService(
      EntityManager em,
      SiteAccess access,
      ContactRequestRepository requests,
      ContactRequests contact,
      AuditTrail audit,
      Clock clock,
      TrialRepository trials,
      SiteRepository sites) {
    this.em = em;
    this.access = access;
    this.requests = requests;
    this.contact = contact;
    this.audit = audit;
    this.clock = clock;
    this.trials = trials;
    this.sites = sites;
  }

  @Override
  public SiteRequestList listForSite(NctNumber nct, String slug) {
    Authorized a = access.authorize(nct, slug, "read the site's contact requests");
    Site site = a.site();
    Map<String, String> questions = questions(nct);
    List<RequestView> views =
        requests.findBySite(site.id()).stream()
            .sorted((x, y) -> y.createdAt().compareTo(x.createdAt()))
            .map(r -> open(r, a.key(), questions))
            .toList();
    return new SiteRequestList(
        site.nctId().value(),
        site.slug(),
        site.displayName(),
        site.state() == null ? site.city() : site.city() + ", " + site.state(),
        views);
  }

  @Override
  public RequestView changeStatus(
      NctNumber nct, String slug, String reference, RequestStatus status, long expectedVersion) {
    Authorized a = access.authorize(nct, slug, "change a contact request's status");
    if (status == null || !SETTABLE.contains(status)) {
      throw new IllegalArgumentException("a request can be set to " + SETTABLE + " only");
    }
    // A reference of another site is treated as unknown here: the caller learns nothing about it.
    ContactRequest request =
        requests
            .findByReference(reference == null ? "" : reference)
            .filter(r -> r.siteId().equals(a.site().id()))
            .orElseThrow(() -> new RequestNotFound(reference));
    em.refresh(request, LockModeType.PESSIMISTIC_WRITE);
    if (request.version() != expectedVersion) {
      throw new RequestConflict(open(request, a.key(), questions(request.nctId())));
    }
    RequestStatus before = request.status();
    if (before != status) {
      request.changeStatus(status, clock.instant());
      em.flush();
      audit.record(
          new AuditRecord(
              a.caller().username(),
              a.caller().role().name(),
              AuditAction.UPDATE,
              ENTITY_TYPE,
              request.reference(),
              "status",
              before.name(),
              status.name(),
              null));
    }
    return open(request, a.key(), questions(request.nctId()));
  }

  @Override
  public void exportCsv(Writer out) throws IOException {
    StaffAccount me = access.caller();
    List<Site> visible =
        switch (me.role()) {
          case ADMINISTRATOR -> sites.findAll();
          case INVESTIGATOR -> sites.findByIds(me.sites());
          case SPONSOR_STAFF -> {
            audit.recordRefusal(
                new AuditRecord(
                    me.username(),
                    me.role().name(),
                    AuditAction.ACCESS_DENIED,
                    ENTITY_TYPE,
                    "*",
                    null,
                    null,
                    null,
                    "tried to export contact requests"));
            throw new AccessDenied(me.username() + " may not export contact requests");
          }
        };
    Map<Long, Site> byId =
        visible.stream().collect(Collectors.toMap(Site::id, Function.identity()));
    List<ContactRequest> found = requests.findBySites(byId.keySet());
    audit.record(
        new AuditRecord(
            me.username(),
            me.role().name(),
            AuditAction.EXPORT,
            ENTITY_TYPE,
            me.role() == Role.ADMINISTRATOR ? "*" : "own sites",
            "requests",
            null,
            found.size()
                + " requests of "
                + visible.stream().map(SiteRequestsService::key).collect(Collectors.joining(", ")),
            null));
    Map<NctNumber, Map<String, String>> questionsByTrial = new java.util.HashMap<>();
    Csv.writeRow(out, CSV_HEADER);
    for (ContactRequest r : found) {
      RequestView v =
          open(
              r,
              key(byId.get(r.siteId())),
              questionsByTrial.computeIfAbsent(r.nctId(), this::questions));
      Csv.writeRow(
          out,
          Arrays.asList(
              v.reference(),
              r.nctId().value(),
              v.site(),
              v.kind().name(),
              v.status().name(),
              v.receivedAt().toString(),
              v.statusChangedAt() == null ? null : v.statusChangedAt().toString(),
              v.consentVersion(),
              v.verdict(),
              v.name(),
              v.phone(),
              v.email(),
              v.preferredTime(),
              String.join("; ", v.answers())));
    }
  }

  /**
   * Opens the sealed details. Called only once the caller is known to act for the request's site.
   */
  /**
   * The trial's questions in words, by id, as its criteria stand now (a request whose answers were
   * given to older criteria shows those answers under their ids).
   */
  private Map<String, String> questions(NctNumber nct) {
    return QuestionTexts.of(
        trials
            .findByNct(nct)
            .map(org.opentrials.portal.domain.trial.Trial::criteriaRules)
            .orElse(null),
        clock);
  }

  private RequestView open(ContactRequest r, String siteKey, Map<String, String> questions) {
    JsonObject details;
    try (JsonReader reader = Json.createReader(new StringReader(contact.open(r)))) {
      details = reader.readObject();
    }
    List<String> answers = new ArrayList<>();
    JsonObject given = details.getJsonObject("answers");
    if (given != null) {
      given.forEach(
          (question, answer) -> {
            String label = questions.getOrDefault(question, question);
            answers.add(label + (label.endsWith("?") ? " " : ": ") + text(answer));
          });
    }
    return new RequestView(
        r.reference(),
        siteKey,
        r.kind(),
        r.status(),
        r.createdAt(),
        r.statusChangedAt(),
        r.consentVersion(),
        r.verdict(),
        details.getString("name", ""),
        blankToNull(details.getString("phone", "")),
        blankToNull(details.getString("email", "")),
        details.getString("preferredTime", null),
        answers,
        r.version());
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String key(Site s) {
    return s.nctId().value() + "/" + s.slug();
  }
}
