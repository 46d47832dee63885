package org.opentrials.portal.web.prescreen;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.eligibility.CriterionResult;
import org.opentrials.portal.eligibility.Screening;
import org.opentrials.portal.eligibility.TrialIndex;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.TimeLimits;
import org.opentrials.portal.eligibility.questions.AnswerForm;
import org.opentrials.portal.eligibility.questions.AnswerType;
import org.opentrials.portal.eligibility.questions.FieldError;
import org.opentrials.portal.eligibility.questions.FormResult;
import org.opentrials.portal.eligibility.questions.Option;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Questionnaire;
import org.opentrials.portal.eligibility.questions.Step;
import org.opentrials.portal.eligibility.text.Messages;
import org.opentrials.portal.search.TrialSearch;
import org.opentrials.portal.services.contact.ContactDetails;
import org.opentrials.portal.services.contact.ContactRateLimits;
import org.opentrials.portal.services.contact.ContactRequests;
import org.opentrials.portal.services.contact.ContactRequests.Receipt;
import org.opentrials.portal.services.prescreen.Prescreening;
import org.opentrials.portal.services.prescreen.ScreenableTrial;
import org.opentrials.portal.web.support.LocaleBacking;

/**
 * The pre-screener conversation for one trial: a few questions per step, back and forward, then the
 * result criterion by criterion, then (only with consent) a contact request. The answers live only
 * in this view's server-side state: never in a URL, a cookie or a log, and nothing is stored unless
 * the visitor asks a site to contact them.
 */
@Named
// Kept in the (encrypted, signed) client-side view state, not in a session: an anonymous visitor
// gets no server session (finding F9), and the pre-screener works without JavaScript as before.
@ViewScoped(saveInViewState = true)
public class PrescreenBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "org.opentrials.portal.web.messages";

  /** "Which trials might fit me?" ranks at most this many trials, the best for the condition. */
  static final int MATCH_LIMIT = 50;

  /** Miles around the visitor's place within which "Which trials might fit me?" looks. */
  static final int DEFAULT_RADIUS = 100;

  /**
   * Prefix of the answers one page hands to the next in a POST body (the ranking to one trial's
   * explanation and back, a ruled-out result to other trials): never in a URL, a cookie or a
   * session.
   */
  static final String CARRY = "carry.";

  private static final List<String> FIELD_SUFFIXES =
      List.of("", ".mode", ".date", ".dk", AnswerForm.UNIT_SUFFIX);

  private Prescreening prescreening;
  private TrialSearch trialSearch;
  private ContactRequests contactRequests;
  private ContactRateLimits rateLimits;
  private LocaleBacking locale;

  private String nctParam;

  /** Only for "Which trials might fit me?": the visitor's ZIP code or city, to rank by distance. */
  private String nearParam;

  /** For the container's proxies only (see README, "Injection"). */
  protected PrescreenBacking() {}

  @Inject
  public PrescreenBacking(
      Prescreening prescreening,
      TrialSearch trialSearch,
      ContactRequests contactRequests,
      ContactRateLimits rateLimits,
      LocaleBacking locale,
      @Param(name = "nct") String nctParam,
      @Param(name = "near") String nearParam,
      @Param(name = "q") String conditionParam,
      @Param(name = "radius") String radiusParam,
      org.opentrials.portal.services.shared.PortalCondition portalCondition) {
    this.prescreening = prescreening;
    this.trialSearch = trialSearch;
    this.contactRequests = contactRequests;
    this.rateLimits = rateLimits;
    this.locale = locale;
    this.nctParam = nctParam;
    this.nearParam = nearParam;
    this.conditionParam = conditionParam;
    this.radiusParam = radiusParam;
    // The portal's own condition is where a visitor who names none starts.
    this.portalCondition = portalCondition.condition();
  }

  private String radiusParam;
  private String portalCondition;
  private int radius = DEFAULT_RADIUS;

  /** Only for "Which trials might fit me?": the visitor's condition, to choose the trials. */
  private String conditionParam;

  private String condition;
  private String nct;
  private int step;
  private boolean finished;

  /**
   * Raw form fields of every step, as typed: question id (+ ".unit", ".mode", ".date", ".dk") ->
   * value.
   */
  private final HashMap<String, Object> fields = new HashMap<>();

  private final HashMap<String, String> errors = new HashMap<>();
  private final HashMap<String, String> contactFields = new HashMap<>();
  private final HashMap<String, String> contactErrors = new HashMap<>();
  private boolean consent;
  private String submissionKey;
  private Receipt receipt;
  private String revealedNote;

  /**
   * The questions on screen: fixed between two actions, so a postback reads the fields it rendered.
   */
  private final ArrayList<String> shownIds = new ArrayList<>();

  /** True for "Which trials might fit me?" (every trial), false for one trial's pre-screener. */
  private boolean matching;

  private String near;

  private transient ScreenableTrial trial;
  private transient TrialIndex<ScreenableTrial> allTrials;
  private transient Questionnaire questionnaire;
  private transient Screening screening;

  /** Runs before the first rendering (f:viewAction): 404 for a trial without a pre-screener. */
  public void load() {
    if (submissionKey == null) {
      matching = nctParam == null;
      nct = NctNumber.parse(nctParam).map(NctNumber::value).orElse(null);
      near = nearParam == null || nearParam.length() > 100 ? null : nearParam.strip();
      condition =
          conditionParam == null || conditionParam.isBlank() || conditionParam.length() > 100
              ? null
              : conditionParam.strip();
      if (matching && condition == null) {
        condition = portalCondition;
      }
      radius = radius(radiusParam);
      submissionKey = ContactRequests.randomToken(24);
      contactFields.put("preferredTime", "ANY");
    }
    if (!contactFields.containsKey("site") && !matching && trial() != null) {
      preselectSite();
    }
    if (!matching
        && trial() == null
        && nct != null
        && prescreening.findStatusNotTakingParticipants(NctNumber.of(nct)).isPresent()) {
      // A study that does not recruit: its page says so and what to do instead.
      redirectToTrialPage();
    } else if (!matching && trial() == null) {
      notFound();
    } else if (shownIds.isEmpty() && !finished && isCanScreen()) {
      takeCarriedAnswers();
      refreshShown();
    }
  }

  private static int radius(String raw) {
    if (raw != null && raw.matches("[0-9]{1,4}")) {
      return Math.max(1, Math.min(3000, Integer.parseInt(raw)));
    }
    return DEFAULT_RADIUS;
  }

  /**
   * Answers handed over in a POST body by another page of the pre-screener (see {@link #CARRY}):
   * the fields of this questionnaire's questions are taken as if typed, and the result is shown at
   * once. Questions this page asks that the other did not stay unanswered, so never "met".
   */
  private void takeCarriedAnswers() {
    var request =
        (jakarta.servlet.http.HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    boolean any = false;
    for (Question q : questionnaire().questions()) {
      String id = q.id().value();
      for (String suffix : FIELD_SUFFIXES) {
        String v = request.getParameter(CARRY + id + suffix);
        if (v != null && !v.isBlank() && v.length() <= 40) {
          fields.put(id + suffix, suffix.equals(".dk") ? (Object) Boolean.valueOf(v) : v.strip());
          any = true;
        }
      }
    }
    if (any && AnswerForm.read(questionnaire(), rawFields(), today()).errors().isEmpty()) {
      step = steps().size() - 1;
      finished = true;
      screening = null;
    } else {
      fields.clear();
    }
  }

  /** The answers as typed, to hand to another page of the pre-screener in a POST body. */
  public List<Map.Entry<String, String>> getCarried() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (!isCanScreen()) {
      return out;
    }
    for (Question q : questionnaire().questions()) {
      String id = q.id().value();
      for (String suffix : FIELD_SUFFIXES) {
        Object v = fields.get(id + suffix);
        if (v != null && !v.toString().isBlank() && !Boolean.FALSE.equals(v)) {
          out.add(Map.entry(CARRY + id + suffix, v.toString()));
        }
      }
    }
    return out;
  }

  /**
   * Whether there are questions to ask: always for one trial; for "Which trials might fit me?" once
   * the visitor named a condition that recruiting trials with a pre-screener study.
   */
  public boolean isCanScreen() {
    return !matching || (condition != null && !allTrials().isEmpty());
  }

  /** The visitor's condition ("Which trials might fit me?"), or null when none was named. */
  public String getCondition() {
    return condition;
  }

  public int getRadius() {
    return radius;
  }

  /** The place the visitor gave, when it was found, for "within 100 miles of Charleston, SC". */
  public String getPlaceLabel() {
    if (near == null) {
      return null;
    }
    return org.opentrials.portal.services.geo.Gazetteer.shared()
        .resolve(near)
        .map(p -> p.label())
        .orElse(null);
  }

  /**
   * The condition to look for other trials with, from a trial's result: the one the visitor came
   * with, else the trial's main condition.
   */
  public String getOtherTrialsCondition() {
    if (condition != null) {
      return condition;
    }
    if (trial() == null) {
      return null;
    }
    List<String> conditions = prescreening.conditionsOf(NctNumber.of(nct));
    return conditions.isEmpty() ? null : conditions.get(0);
  }

  private void redirectToTrialPage() {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    try {
      ext.redirect(ext.getRequestContextPath() + "/trials/" + nct);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void refreshShown() {
    shownIds.clear();
    questionnaire()
        .shownQuestions(currentStep(), answers(), today())
        .forEach(q -> shownIds.add(q.id().value()));
  }

  private List<Question> shown() {
    List<Question> out = new ArrayList<>();
    for (String id : shownIds) {
      questionnaire().question(id).ifPresent(out::add);
    }
    return out;
  }

  /** Pages that carry answers or contact details are never cached. */
  public void noStore() {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    ext.setResponseHeader("Cache-Control", "no-store");
  }

  // --- steps ---------------------------------------------------------------------------------

  public List<QuestionView> getQuestions() {
    Messages text = messages();
    List<QuestionView> out = new ArrayList<>();
    for (Question q : shown()) {
      out.add(view(q, text));
    }
    return out;
  }

  public String next() {
    Step current = currentStep();
    List<Question> shownBefore = shown();
    FormResult read = AnswerForm.read(shownBefore, rawFields(), today());
    errors.clear();
    for (FieldError e : read.errors()) {
      errors.put(e.question().value(), messages().render(e.message()));
    }
    if (!errors.isEmpty()) {
      revealedNote = null;
      return null;
    }
    List<Question> shownNow = questionnaire().shownQuestions(current, answers(), today());
    if (shownNow.stream().anyMatch(q -> !shownIds.contains(q.id().value()))) {
      // An answer opened a follow-up on this step (the dose after a recent date): ask it first.
      revealedNote = bundle().getString("prescreen.followUp");
      refreshShown();
      return null;
    }
    revealedNote = null;
    do {
      step++;
    } while (step < steps().size()
        && questionnaire().shownQuestions(currentStep(), answers(), today()).isEmpty());
    if (step >= steps().size()) {
      step = steps().size() - 1;
      finished = true;
      screening = null;
    }
    refreshShown();
    return null;
  }

  public String back() {
    errors.clear();
    revealedNote = null;
    if (finished) {
      finished = false;
      refreshShown();
      return null;
    }
    while (step > 0) {
      step--;
      if (!questionnaire().shownQuestions(currentStep(), answers(), today()).isEmpty()) {
        break;
      }
    }
    refreshShown();
    return null;
  }

  /** Starts again: every answer is forgotten. */
  public String restart() {
    fields.clear();
    errors.clear();
    finished = false;
    step = 0;
    screening = null;
    refreshShown();
    return null;
  }

  // --- result --------------------------------------------------------------------------------

  public String getVerdict() {
    return screening().verdict().slug();
  }

  public String getVerdictText() {
    return messages().render(screening().verdict().label());
  }

  public List<CriterionView> getResults() {
    Messages text = messages();
    List<CriterionView> out = new ArrayList<>();
    for (CriterionResult r : screening().results()) {
      out.add(view(r, text));
    }
    return out;
  }

  private CriterionView view(CriterionResult r, Messages text) {
    return new CriterionView(
        text.render(r.criterion().text()),
        r.criterion().isInclusion(),
        statusSlug(r.status()),
        text.render(r.reasons()),
        r.status() == CriterionStatus.NOT_MET && !r.criterion().isInclusion()
            ? TimeLimits.holdsUntil(r.criterion().rule(), answers(), today()).orElse(null)
            : null,
        TimeLimits.aboutMedication(r.criterion().rule()));
  }

  /** The criteria that rule the visitor out, first on the result. */
  public List<CriterionView> getRuledOut() {
    Messages text = messages();
    return screening().notMet().stream().map(r -> view(r, text)).toList();
  }

  /** The criteria the study team must check (unknown or "I don't know" answers). */
  public List<CriterionView> getToCheck() {
    Messages text = messages();
    return screening().unknown().stream().map(r -> view(r, text)).toList();
  }

  /**
   * The last day on which time-limited exclusions rule the visitor out, when only such rules do
   * ("belimumab within 2 months"): she may qualify after it. Null otherwise.
   */
  public LocalDate getRuledOutUntil() {
    LocalDate last = null;
    List<CriterionView> ruledOut = getRuledOut();
    for (CriterionView v : ruledOut) {
      if (v.until() == null) {
        return null;
      }
      last = last == null || v.until().isAfter(last) ? v.until() : last;
    }
    return last;
  }

  /** Whether a rule about a medicine rules the visitor out or needs checking. */
  public boolean isMedicationNote() {
    return screening().results().stream()
        .filter(r -> r.status() != CriterionStatus.MET)
        .anyMatch(r -> TimeLimits.aboutMedication(r.criterion().rule()));
  }

  private static String statusSlug(CriterionStatus status) {
    return switch (status) {
      case MET -> "met";
      case NOT_MET -> "not-met";
      case UNKNOWN -> "unknown";
    };
  }

  // --- contact request -----------------------------------------------------------------------

  public boolean isCanAskForContact() {
    // Ruled out too: only the study team decides, and a rule may end soon (issue 14, item 4);
    // only sites that published a contact are offered, so a request never goes to nobody.
    return !matching && !contactSites().isEmpty();
  }

  /** The sites the contact form offers: only those with a published contact. */
  public List<ScreenableTrial.SiteChoice> getContactSites() {
    return contactSites();
  }

  private List<ScreenableTrial.SiteChoice> contactSites() {
    return trial() == null ? List.of() : trial().reachableSites();
  }

  /** The site a visitor came from (?site= on the site page's link), if the form offers it. */
  private void preselectSite() {
    String wanted =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("site");
    if (wanted != null && contactSites().stream().anyMatch(s -> s.slug().equals(wanted))) {
      contactFields.put("site", wanted);
    } else if (contactSites().size() == 1) {
      contactFields.put("site", contactSites().get(0).slug());
    }
  }

  public String sendContactRequest() {
    contactErrors.clear();
    if (receipt != null) {
      return null; // a repeated click: the request was made and acknowledged already
    }
    ContactDetails details =
        new ContactDetails(
            contactFields.get("name"),
            contactFields.get("phone"),
            contactFields.get("email"),
            contactFields.get("preferredTime"));
    ResourceBundle b = bundle();
    details.problems().forEach((field, key) -> contactErrors.put(field, b.getString(key)));
    String site = contactFields.get("site");
    if (site == null || contactSites().stream().noneMatch(s -> s.slug().equals(site))) {
      contactErrors.put("site", b.getString("contact.error.site"));
    }
    if (!consent) {
      contactErrors.put("consent", b.getString("contact.error.consent"));
    }
    if (!contactErrors.isEmpty()) {
      return null;
    }
    if (!rateLimits.tryAcquire(clientAddress(), nct + "/" + site)) {
      contactErrors.put("site", b.getString("contact.error.tooMany"));
      return null;
    }
    Map<String, String> answerFields = new LinkedHashMap<>(AnswerForm.toFields(answers()));
    try {
      receipt =
          contactRequests.submit(
              new ContactRequests.Submission(
                  submissionKey,
                  NctNumber.of(nct),
                  site,
                  details,
                  true,
                  answerFields,
                  screening().verdict().name()));
    } catch (ContactRequests.SiteNotAvailable e) {
      contactErrors.put("site", b.getString("contact.error.site"));
    } catch (ContactRequests.InvalidDetails e) {
      e.problems().forEach((field, key) -> contactErrors.put(field, b.getString(key)));
    }
    return null;
  }

  /** The connection's address (never a forwarded-for header, which the client sets). */
  private static String clientAddress() {
    return ((jakarta.servlet.http.HttpServletRequest)
            jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequest())
        .getRemoteAddr();
  }

  public String getWithdrawLink() {
    if (receipt == null || receipt.withdrawalSecret() == null) {
      return null;
    }
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    return ext.getRequestContextPath()
        + "/requests/"
        + receipt.reference()
        + "/withdraw?key="
        + receipt.withdrawalSecret();
  }

  // --- state for the page --------------------------------------------------------------------

  public ScreenableTrial getTrial() {
    return trial();
  }

  public int getStepNumber() {
    return step + 1;
  }

  public int getStepCount() {
    return steps().size();
  }

  public String getStepTitle() {
    return messages().render(currentStep().title());
  }

  public boolean isFirstStep() {
    return step == 0;
  }

  public boolean isFinished() {
    return finished;
  }

  public boolean isHasErrors() {
    return !errors.isEmpty();
  }

  public String getRevealedNote() {
    return revealedNote;
  }

  public Map<String, Object> getFields() {
    return fields;
  }

  public Map<String, String> getContactFields() {
    return contactFields;
  }

  public Map<String, String> getContactErrors() {
    return contactErrors;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }

  public Receipt getReceipt() {
    return receipt;
  }

  public String getConsentVersion() {
    return ContactRequests.CONSENT_VERSION;
  }

  // --- internals -----------------------------------------------------------------------------

  private QuestionView view(Question q, Messages text) {
    String kind =
        switch (q.type()) {
          case YES_NO, CHOICE -> "choice";
          case WHOLE_NUMBER -> "number";
          case AMOUNT -> "amount";
          case DATE_OR_NEVER -> "date";
        };
    List<QuestionView.Choice> choices = new ArrayList<>();
    for (Option o : q.options()) {
      choices.add(new QuestionView.Choice(o.value(), text.render(o.label())));
    }
    if (q.type() == AnswerType.YES_NO || q.type() == AnswerType.CHOICE) {
      if (choices.stream().noneMatch(c -> c.value().equals(AnswerForm.DONT_KNOW))) {
        choices.add(
            new QuestionView.Choice(
                AnswerForm.DONT_KNOW,
                text.render(
                    org.opentrials.portal.eligibility.text.Message.of("option.dont-know"))));
      }
    }
    return new QuestionView(
        q.id().value(),
        kind,
        text.render(q.text()),
        q.hint() == null ? null : text.render(q.hint()),
        choices,
        q.items().stream().map(text::render).toList(),
        q.units().stream().map(u -> u.symbol()).toList(),
        errors.get(q.id().value()),
        q.isFollowUp());
  }

  /** The fields as the eligibility module reads them: composite inputs folded into one value. */
  private Map<String, String> rawFields() {
    Map<String, String> raw = new HashMap<>();
    for (Question q : questionnaire().questions()) {
      String id = q.id().value();
      String value = text(id);
      if (q.type() == AnswerType.DATE_OR_NEVER) {
        String mode = text(id + ".mode");
        value =
            mode == null
                ? null
                : switch (mode) {
                  case "date" -> text(id + ".date") == null ? "" : text(id + ".date");
                  case AnswerForm.NEVER -> AnswerForm.NEVER;
                  case AnswerForm.DONT_KNOW -> AnswerForm.DONT_KNOW;
                  default -> mode;
                };
        if ("date".equals(mode) && (value == null || value.isBlank())) {
          value = "?"; // chose "on a date" but gave none: say so on the field
        }
      } else if ((q.type() == AnswerType.WHOLE_NUMBER || q.type() == AnswerType.AMOUNT)
          && "true".equals(text(id + ".dk"))) {
        value = AnswerForm.DONT_KNOW;
      }
      if (value != null) {
        raw.put(id, value);
      }
      String unit = text(id + AnswerForm.UNIT_SUFFIX);
      if (unit != null) {
        raw.put(id + AnswerForm.UNIT_SUFFIX, unit);
      }
    }
    return raw;
  }

  /** A form field as text; checkboxes arrive as Boolean. */
  private String text(String field) {
    Object value = fields.get(field);
    return value == null ? null : value.toString();
  }

  private Answers answers() {
    return AnswerForm.read(questionnaire(), rawFields(), today()).answers();
  }

  private Screening screening() {
    if (screening == null) {
      screening = prescreening.screener().screen(trial().criteria(), answers());
    }
    return screening;
  }

  private ScreenableTrial trial() {
    if (trial == null && nct != null) {
      trial = prescreening.findScreenableTrial(NctNumber.of(nct)).orElse(null);
    }
    return trial;
  }

  private Questionnaire questionnaire() {
    if (questionnaire == null) {
      questionnaire =
          matching
              ? prescreening
                  .screener()
                  .questionnaire(allTrials().stream().map(ScreenableTrial::criteria).toList())
              : trial().criteria().questionnaire();
    }
    return questionnaire;
  }

  private List<ScreenableTrial> allTrials() {
    return indexedTrials().trials();
  }

  private TrialIndex<ScreenableTrial> indexedTrials() {
    if (allTrials == null) {
      allTrials =
          condition == null
              ? TrialIndex.of(List.<ScreenableTrial>of(), ScreenableTrial::criteria)
              : prescreening.screenableIndexOf(
                  trialSearch.screenableForCondition(
                      condition, visitorPoint(), radius, MATCH_LIMIT));
    }
    return allTrials;
  }

  /** The visitor's place for "Which trials might fit me?", or null. */
  private org.opentrials.portal.domain.shared.GeoPoint visitorPoint() {
    return near == null
        ? null
        : org.opentrials.portal.services.geo.Gazetteer.shared()
            .resolve(near)
            .map(p -> p.point())
            .orElse(null);
  }

  // --- "Which trials might fit me?" ----------------------------------------------------------

  public boolean isMatching() {
    return matching;
  }

  /** Every trial with its verdict, best first, then nearest first when the visitor gave a place. */
  public List<MatchView> getMatches() {
    org.opentrials.portal.domain.shared.GeoPoint from = visitorPoint();
    var ranked =
        prescreening
            .screener()
            .rank(
                indexedTrials(), t -> from == null ? Double.NaN : nearestMiles(t, from), answers());
    Messages text = messages();
    List<MatchView> out = new ArrayList<>();
    for (var m : ranked) {
      out.add(
          new MatchView(
              m.trial().nct(),
              m.trial().briefTitle(),
              m.verdict().slug(),
              text.render(m.verdict().label()),
              m.hasDistance() ? m.distance() : null));
    }
    return out;
  }

  private static double nearestMiles(
      ScreenableTrial t, org.opentrials.portal.domain.shared.GeoPoint from) {
    return t.sites().stream()
        .filter(s -> s.latitude() != null)
        .mapToDouble(
            s ->
                from.distanceMilesTo(
                    new org.opentrials.portal.domain.shared.GeoPoint(s.latitude(), s.longitude())))
        .min()
        .orElse(Double.NaN);
  }

  public String getNear() {
    return near;
  }

  private List<Step> steps() {
    return questionnaire().steps();
  }

  private Step currentStep() {
    return steps().get(Math.min(step, steps().size() - 1));
  }

  private LocalDate today() {
    return prescreening.screener().screeningDate();
  }

  private Messages messages() {
    return Messages.forLocale(locale.getLocale());
  }

  private ResourceBundle bundle() {
    return ResourceBundle.getBundle(BUNDLE, locale.getLocale());
  }

  private void notFound() {
    try {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, null);
      FacesContext.getCurrentInstance().responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
