package org.opentrials.portal.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.answers.AnswerValue.DONT_KNOW;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;
import static org.opentrials.portal.eligibility.testing.Fixtures.answers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.CriterionType;
import org.opentrials.portal.eligibility.criteria.Dialysis;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.criteria.Truth;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.text.Messages;
import org.opentrials.portal.eligibility.text.Text;

class PreScreenerTest {
  static final Clock CLOCK =
      Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  final PreScreener screener = new PreScreener(CLOCK);

  final TrialCriteria trial =
      new TrialCriteria(
          "T-1",
          List.of(
              Criterion.inclusion("adult", Text.of("I am an adult."), AgeRange.atLeast(18)),
              Criterion.exclusion("dialysis", Text.of("I need dialysis."), new Dialysis())));

  @Test
  void exclusionIsMetWhenItsRuleDoesNotHold() {
    assertThat(CriterionStatus.of(CriterionType.INCLUSION, Truth.TRUE))
        .isEqualTo(CriterionStatus.MET);
    assertThat(CriterionStatus.of(CriterionType.INCLUSION, Truth.FALSE))
        .isEqualTo(CriterionStatus.NOT_MET);
    assertThat(CriterionStatus.of(CriterionType.EXCLUSION, Truth.TRUE))
        .isEqualTo(CriterionStatus.NOT_MET);
    assertThat(CriterionStatus.of(CriterionType.EXCLUSION, Truth.FALSE))
        .isEqualTo(CriterionStatus.MET);
    assertThat(CriterionStatus.of(CriterionType.EXCLUSION, Truth.UNKNOWN))
        .isEqualTo(CriterionStatus.UNKNOWN);

    Screening s = screener.screen(trial, answers("age", 30, "dialysis", "no"));
    assertThat(s.results()).extracting(CriterionResult::status).containsOnly(CriterionStatus.MET);
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void anyNotMetIsNotEligibleEvenWithUnknowns() {
    Screening s = screener.screen(trial, answers("dialysis", "yes"));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(s.notMet()).extracting(r -> r.criterion().id()).containsExactly("dialysis");
    assertThat(s.unknown()).extracting(r -> r.criterion().id()).containsExactly("adult");
  }

  @Test
  void missingOrUnknownAnswersNeverGiveLikelyEligible() {
    assertThat(screener.screen(trial, Answers.empty()).verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(screener.screen(trial, answers("age", 30)).verdict())
        .isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(screener.screen(trial, answers("age", 30, "dialysis", DONT_KNOW)).verdict())
        .isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  void aCoordinatorCheckCapsTheVerdictAtNeedsReview() {
    TrialCriteria withCheck =
        new TrialCriteria(
            "T-2",
            List.of(
                trial.criteria().get(0),
                Criterion.inclusion(
                    "labs",
                    Text.of("My blood tests are normal."),
                    new CoordinatorCheck(Text.of("Needs labs.")))));
    Screening s = screener.screen(withCheck, answers("age", 30));
    assertThat(s.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(Messages.english().render(s.unknown().get(0).reasons()))
        .isEqualTo("The study team needs to check this with you: Needs labs.");
  }

  @Test
  void aTrialWithoutCriteriaNeedsReview() {
    TrialCriteria empty = new TrialCriteria("T-0", List.of());
    assertThat(screener.screen(empty, answers("age", 30)).verdict())
        .isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(screener.verdict(empty, answers("age", 30))).isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  void fastVerdictAgreesWithScreening() {
    for (Answers a :
        List.of(
            Answers.empty(),
            answers("age", 17),
            answers("age", 30, "dialysis", "no"),
            answers("age", 30, "dialysis", "yes"),
            answers("age", DONT_KNOW, "dialysis", "no"))) {
      assertThat(screener.verdict(trial, a))
          .as("%s", a)
          .isEqualTo(screener.screen(trial, a).verdict());
    }
  }

  @Test
  void theScreeningDateComesFromTheClockInItsZone() {
    MedicationTaken belimumab =
        new MedicationTaken(
            new Medication("belimumab", Text.of("belimumab")), TimeWindow.months(2));
    TrialCriteria t =
        new TrialCriteria(
            "T-3", List.of(Criterion.exclusion("belimumab", Text.of("b"), belimumab)));
    Answers took = answers("medication.belimumab.last-taken", LocalDate.of(2026, 4, 15));
    // 2026-06-15 23:30 UTC is already 2026-06-16 in Auckland: 2026-04-15 is then outside the
    // window.
    Instant lateEvening = TODAY.atTime(23, 30).toInstant(ZoneOffset.UTC);
    PreScreener utc = new PreScreener(Clock.fixed(lateEvening, ZoneOffset.UTC));
    PreScreener auckland = new PreScreener(Clock.fixed(lateEvening, ZoneId.of("Pacific/Auckland")));
    assertThat(utc.screeningDate()).isEqualTo(TODAY);
    assertThat(auckland.screeningDate()).isEqualTo(TODAY.plusDays(1));
    assertThat(utc.screen(t, took).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(auckland.screen(t, took).verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(auckland.screen(t, took).screeningDate()).isEqualTo(LocalDate.of(2026, 6, 16));
  }

  record Listing(String name, TrialCriteria criteria, double km) {}

  @Test
  void rankingIsByVerdictThenDistanceWithUnknownDistancesLast() {
    TrialCriteria adultsOnly =
        new TrialCriteria(
            "A", List.of(Criterion.inclusion("adult", Text.of("a"), AgeRange.atLeast(18))));
    TrialCriteria seniorsOnly =
        new TrialCriteria(
            "S", List.of(Criterion.inclusion("senior", Text.of("s"), AgeRange.atLeast(65))));
    TrialCriteria needsDialysisAnswer =
        new TrialCriteria(
            "D", List.of(Criterion.exclusion("dialysis", Text.of("d"), new Dialysis())));
    List<Listing> listings =
        List.of(
            new Listing("senior-near", seniorsOnly, 1),
            new Listing("review-far", needsDialysisAnswer, 500),
            new Listing("adult-unknown-distance", adultsOnly, Double.NaN),
            new Listing("adult-far", adultsOnly, 300),
            new Listing("review-near", needsDialysisAnswer, 5),
            new Listing("adult-near", adultsOnly, 12.5),
            new Listing("adult-negative-distance", adultsOnly, -1),
            new Listing("adult-far-too", adultsOnly, 300));
    List<TrialMatch<Listing>> ranked =
        screener.rank(listings, Listing::criteria, Listing::km, answers("age", 40));
    assertThat(ranked)
        .extracting(m -> m.trial().name())
        .containsExactly(
            "adult-near",
            "adult-far",
            "adult-far-too",
            "adult-unknown-distance",
            "adult-negative-distance",
            "review-near",
            "review-far",
            "senior-near");
    assertThat(ranked.get(0).verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(ranked.get(3).hasDistance()).isFalse();
    assertThat(ranked.get(7).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
  }

  @Test
  void labelsAreTranslatable() {
    Map<Verdict, String> english =
        Map.of(
            Verdict.LIKELY_ELIGIBLE,
                "Based on your answers, you may be able to take part in this trial. The study team will confirm this with you.",
            Verdict.NEEDS_REVIEW,
                "The study team needs to check some of your answers before they can tell whether you can take part.",
            Verdict.NOT_ELIGIBLE, "Based on your answers, you cannot take part in this trial.");
    english.forEach((v, text) -> assertThat(Messages.english().render(v.label())).isEqualTo(text));
    assertThat(Messages.english().render(CriterionStatus.MET.label())).isEqualTo("You meet this");
  }
}
