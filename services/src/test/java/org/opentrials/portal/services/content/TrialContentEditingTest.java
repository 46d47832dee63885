package org.opentrials.portal.services.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Reference;
import org.opentrials.portal.domain.trial.SpanishTexts;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialContent;
import org.opentrials.portal.services.audit.AuditEntryView;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.persistence.JpaContentDraftRepository;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.shared.AccessDenied;
import org.opentrials.portal.services.trials.TrialPageView;
import org.opentrials.portal.services.trials.TrialPagesService;

/**
 * Sponsor staff edit a draft of their trial's content, preview it, publish it; the public page
 * changes only at publication; every step is in the audit trail; nobody else may touch it; two
 * editors cannot overwrite each other. On a real database, outside the container.
 */
class TrialContentEditingTest {
  private static final NctNumber NCT = NctNumber.of("NCT02633163");
  private static final NctNumber OTHER = NctNumber.of("NCT01234567");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T15:00:00Z"), ZoneOffset.UTC);

  private TestDatabase db;

  @BeforeEach
  void trialsAndStaff() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          for (NctNumber nct : List.of(NCT, OTHER)) {
            Trial t =
                new Trial(
                    nct,
                    "Trial " + nct,
                    StudyType.INTERVENTIONAL,
                    OverallStatus.RECRUITING,
                    "A Sponsor");
            t.describe(null, "We test whether cells from donors help people with lupus.", null);
            t.replaceFaq(List.of(new FaqEntry("How long does it last?", "One year.")));
            t.publish();
            new JpaTrialRepository(em).add(t);
          }
        });
    db.inTransaction(
        em -> {
          AuditFixtures.account(em, "admin.test", Role.ADMINISTRATOR);
          AuditFixtures.account(em, "sponsor.test", Role.SPONSOR_STAFF).assignTrial(NCT);
          AuditFixtures.account(em, "other.sponsor", Role.SPONSOR_STAFF).assignTrial(OTHER);
          AuditFixtures.account(em, "cedars.test", Role.INVESTIGATOR);
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aSavedDraftIsNotPublicUntilPublishedThenEveryChangedFieldIsAudited() {
    ContentForm opened = as("sponsor.test", s -> s.getForEdit(NCT));
    assertThat(opened.hasDraft()).isFalse();
    assertThat(opened.content().faq())
        .extracting(FaqEntry::question)
        .containsExactly("How long does it last?");

    TrialContent edited =
        withReference(
            opened.content(),
            new Reference(
                "Umbilical cord MSC in lupus",
                2010,
                "Sixteen patients received cells; disease activity fell.",
                "20564026",
                "Sun L et al. Arthritis Rheum 2010",
                null,
                CLOCK));
    ContentForm saved = as("sponsor.test", s -> s.saveDraft(NCT, edited, null, "new publication"));
    assertThat(saved.hasDraft()).isTrue();
    assertThat(saved.changes()).contains("references[1].title", "references[1].abstract");
    assertThat(publicPage().references()).as("the public page before publishing").isEmpty();

    String key = as("sponsor.test", s -> s.allowPreview(NCT, saved.draftVersion()));
    assertThat(preview(key)).map(TrialPageView::references).get().asList().hasSize(1);
    assertThat(preview("not-the-key-at-all-not-the-key-at-all")).isEmpty();

    ContentForm published =
        as("sponsor.test", s -> s.publish(NCT, saved.draftVersion(), false, null));
    assertThat(published.hasDraft()).isFalse();
    assertThat(publicPage().references())
        .extracting(TrialPageView.ReferenceView::title, TrialPageView.ReferenceView::abstractText)
        .containsExactly(
            tuple(
                "Umbilical cord MSC in lupus",
                "Sixteen patients received cells; disease activity fell."));
    assertThat(preview(key)).as("the preview key dies with the draft").isEmpty();

    List<AuditEntryView> publications = audit(AuditAction.PUBLISH);
    assertThat(publications)
        .extracting(
            AuditEntryView::actor,
            AuditEntryView::entityKey,
            AuditEntryView::field,
            AuditEntryView::oldValue,
            AuditEntryView::newValue)
        .contains(
            tuple(
                "sponsor.test",
                NCT.value(),
                "references[1].title",
                null,
                "Umbilical cord MSC in lupus"),
            tuple("sponsor.test", NCT.value(), "references[1].pmid", null, "20564026"));
    assertThat(audit(AuditAction.UPDATE))
        .extracting(AuditEntryView::entityType, AuditEntryView::field, AuditEntryView::reason)
        .contains(
            tuple(
                TrialContentEditingService.DRAFT_ENTITY, "references[1].title", "new publication"));
  }

  @Test
  void theSecondOfTwoEditorsIsRefusedWithBothVersionsAndNothingIsOverwritten() {
    ContentForm a = as("sponsor.test", s -> s.getForEdit(NCT));
    ContentForm b = as("admin.test", s -> s.getForEdit(NCT));
    as(
        "sponsor.test",
        s -> s.saveDraft(NCT, withPlainSummary(a.content(), "Version A"), a.draftVersion(), null));

    ContentConflict conflict =
        (ContentConflict)
            refused(
                "admin.test",
                s ->
                    s.saveDraft(
                        NCT, withPlainSummary(b.content(), "Version B"), b.draftVersion(), null));
    assertThat(conflict.stored().content().plainSummary()).isEqualTo("Version A");
    assertThat(conflict.yours().plainSummary()).isEqualTo("Version B");
    assertThat(as("admin.test", s -> s.getForEdit(NCT)).content().plainSummary())
        .isEqualTo("Version A");
  }

  @Test
  void publishingWithContentWarningsNeedsAnAcknowledgement() {
    ContentForm a = as("sponsor.test", s -> s.getForEdit(NCT));
    ContentForm saved =
        as(
            "sponsor.test",
            s ->
                s.saveDraft(
                    NCT,
                    withPlainSummary(
                        a.content(), "A new treatment that is safe. Get paid up to $500!"),
                    null,
                    null));
    assertThat(saved.warnings())
        .extracting(ContentCheck.Warning::kind)
        .contains(
            ContentCheck.Kind.SAFE_CLAIM,
            ContentCheck.Kind.NEW_WITHOUT_INVESTIGATIONAL,
            ContentCheck.Kind.PAYMENT_EMPHASIS);

    RuntimeException e =
        refused("sponsor.test", s -> s.publish(NCT, saved.draftVersion(), false, null));
    assertThat(e).isInstanceOf(UnacknowledgedWarnings.class);
    assertThat(publicPage().plainSummary())
        .isEqualTo("We test whether cells from donors help people with lupus.");

    as("sponsor.test", s -> s.publish(NCT, saved.draftVersion(), true, null));
    assertThat(publicPage().plainSummary()).startsWith("A new treatment");
    assertThat(audit(AuditAction.PUBLISH))
        .extracting(AuditEntryView::reason)
        .containsOnly("published with 3 content warning(s) acknowledged");
  }

  @Test
  void onlyAssignedSponsorStaffAndAdministratorsMayTouchATrialAndRefusalsAreAudited() {
    assertThat(as("sponsor.test", TrialContentEditing::listMyTrials))
        .extracting(TrialForEditing::nct)
        .containsExactly(NCT.value());
    assertThat(as("admin.test", TrialContentEditing::listMyTrials)).hasSize(2);
    assertThat(as("cedars.test", TrialContentEditing::listMyTrials)).isEmpty();

    assertThat(refused("other.sponsor", s -> s.getForEdit(NCT))).isInstanceOf(AccessDenied.class);
    TrialContent sneaky =
        withPlainSummary(as("admin.test", s -> s.getForEdit(NCT)).content(), "Hacked");
    assertThat(refused("cedars.test", s -> s.saveDraft(NCT, sneaky, null, null)))
        .isInstanceOf(AccessDenied.class);
    assertThat(refused("other.sponsor", s -> s.publish(NCT, 1, true, null)))
        .isInstanceOf(AccessDenied.class);
    assertThat(refused("sponsor.test", s -> s.getForEdit(NctNumber.of("NCT09999999"))))
        .isInstanceOf(TrialNotFound.class);

    assertThat(audit(AuditAction.ACCESS_DENIED))
        .extracting(AuditEntryView::actor, AuditEntryView::entityKey)
        .containsExactlyInAnyOrder(
            tuple("other.sponsor", NCT.value()),
            tuple("cedars.test", NCT.value()),
            tuple("other.sponsor", NCT.value()));
    assertThat(publicPage().plainSummary())
        .isEqualTo("We test whether cells from donors help people with lupus.");
  }

  @Test
  void aDiscardedDraftLeavesThePublishedContentAndIsAudited() {
    ContentForm a = as("sponsor.test", s -> s.getForEdit(NCT));
    ContentForm saved =
        as(
            "sponsor.test",
            s -> s.saveDraft(NCT, withPlainSummary(a.content(), "Draft"), null, null));
    ContentForm after = as("sponsor.test", s -> s.discardDraft(NCT, saved.draftVersion()));
    assertThat(after.hasDraft()).isFalse();
    assertThat(after.content().plainSummary())
        .isEqualTo("We test whether cells from donors help people with lupus.");
    assertThat(audit(AuditAction.UPDATE))
        .extracting(AuditEntryView::reason)
        .contains("draft discarded");
  }

  @Test
  void spanishTextsGoThroughDraftPreviewAndPublishAndAreAudited() {
    ContentForm opened = as("sponsor.test", s -> s.getForEdit(NCT));
    TrialContent edited =
        opened
            .content()
            .withSpanish(
                new SpanishTexts(
                    "Células de donantes para el lupus",
                    "Probamos si las células de donantes ayudan a las personas con lupus.",
                    null,
                    null,
                    List.of(),
                    List.of()));
    ContentForm saved = as("sponsor.test", s -> s.saveDraft(NCT, edited, null, "traducción"));
    assertThat(saved.changes()).containsExactly("es.briefTitle", "es.plainSummary");
    assertThat(publicPage().spanish().plainSummary()).as("not public before publishing").isNull();
    String key = as("sponsor.test", s -> s.allowPreview(NCT, saved.draftVersion()));
    assertThat(preview(key).orElseThrow().spanish().briefTitle())
        .isEqualTo("Células de donantes para el lupus");

    as("sponsor.test", s -> s.publish(NCT, saved.draftVersion(), false, null));
    TrialPageView page = publicPage();
    assertThat(page.spanish().plainSummary())
        .isEqualTo("Probamos si las células de donantes ayudan a las personas con lupus.");
    assertThat(page.plainSummary())
        .as("the English text stays")
        .isEqualTo("We test whether cells from donors help people with lupus.");
    assertThat(audit(AuditAction.PUBLISH))
        .extracting(AuditEntryView::field, AuditEntryView::oldValue, AuditEntryView::newValue)
        .contains(
            tuple("es.briefTitle", null, "Células de donantes para el lupus"),
            tuple(
                "es.plainSummary",
                null,
                "Probamos si las células de donantes ayudan a las personas con lupus."));
  }

  @Test
  void aDraftSurvivesItsJsonRoundTripUnchanged() {
    TrialContent c =
        withReference(
            withPlainSummary(as("admin.test", s -> s.getForEdit(NCT)).content(), "Text ✓ «»"),
            new Reference("T", 2019, null, "123", null, null, CLOCK));
    assertThat(ContentJson.read(ContentJson.write(c), CLOCK).sameAs(c)).isTrue();
  }

  private static TrialContent withPlainSummary(TrialContent c, String text) {
    return new TrialContent(
        text,
        c.groupsSummary(),
        c.eligibilitySummary(),
        c.faq(),
        c.groups(),
        c.approvals(),
        c.references(),
        c.safetySummaries(),
        c.criteriaRules());
  }

  private static TrialContent withReference(TrialContent c, Reference r) {
    List<Reference> refs = new ArrayList<>(c.references());
    refs.add(r);
    return new TrialContent(
        c.plainSummary(),
        c.groupsSummary(),
        c.eligibilitySummary(),
        c.faq(),
        c.groups(),
        c.approvals(),
        refs,
        c.safetySummaries(),
        c.criteriaRules());
  }

  private TrialPageView publicPage() {
    return db.call(em -> pages(em).findTrialPage(NCT, Optional.empty()).orElseThrow());
  }

  private Optional<TrialPageView> preview(String key) {
    return db.call(em -> pages(em).findPreview(NCT, key, Optional.empty()));
  }

  private static TrialPagesService pages(EntityManager em) {
    return new TrialPagesService(
        new JpaTrialRepository(em),
        new JpaSiteRepository(em),
        new JpaContentDraftRepository(em),
        CLOCK,
        90);
  }

  private <T> T as(String username, Function<TrialContentEditing, T> work) {
    return db.call(em -> work.apply(service(em, username)));
  }

  private RuntimeException refused(String username, Function<TrialContentEditing, ?> work) {
    return db.refusal(em -> work.apply(service(em, username)));
  }

  private List<AuditEntryView> audit(AuditAction action) {
    return AuditFixtures.entries(db, new AuditFilter(null, action, null, null, null), CLOCK);
  }

  private static TrialContentEditingService service(EntityManager em, String username) {
    return new TrialContentEditingService(
        em,
        new JpaTrialRepository(em),
        new JpaContentDraftRepository(em),
        AuditFixtures.caller(em, username),
        AuditFixtures.trail(em, username, CLOCK),
        CLOCK);
  }
}
