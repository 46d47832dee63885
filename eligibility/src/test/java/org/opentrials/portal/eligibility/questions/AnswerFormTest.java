package org.opentrials.portal.eligibility.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.testing.Fixtures.ENGLISH;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.criteria.StandardQuestions;
import org.opentrials.portal.eligibility.testing.Misle;
import org.opentrials.portal.eligibility.text.Messages;

class AnswerFormTest {
  final Questionnaire misle = Misle.criteria().questionnaire();

  Question q(String id) {
    return misle.question(id).orElseThrow();
  }

  /** The English error for one field value, or "" if it is accepted. */
  String error(String id, String value, String unit) {
    AnswerForm.Parsed p = AnswerForm.parse(q(id), value, unit, TODAY);
    return p.error() == null ? "" : ENGLISH.render(p.error());
  }

  @ParameterizedTest(name = "age \"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "34 | ''",
        "0 | ''",
        "120 | ''",
        "121 | Please enter a number from 0 to 120.",
        "-3 | Please enter a whole number, for example 42.",
        "34.5 | Please enter a whole number, for example 42.",
        "abc | Please enter a whole number, for example 42.",
        "99999999999 | Please enter a whole number, for example 42."
      })
  void age(String value, String expected) {
    assertThat(error("age", value, null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "weight \"{0} {1}\" -> \"{2}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "60 | kg | ''",
        "154 | lb | ''",
        "62,5 | kg | ''",
        "10 | kg | Please enter a value from 20 to 350 kg.",
        "900 | lb | Please enter a value from 45 to 771 lb.",
        "60 | '' | Please choose a unit.",
        "60 | st | Please choose a unit.",
        "sixty | kg | Please enter a number, for example 62.5.",
        "1.2.3 | kg | Please enter a number, for example 62.5.",
        "1e3 | kg | Please enter a number, for example 62.5."
      })
  void weight(String value, String unit, String expected) {
    assertThat(error("weight", value, unit)).isEqualTo(expected);
  }

  @Test
  void doseUnitMayBeLeftOutWhenThereIsOnlyOne() {
    AnswerForm.Parsed p =
        AnswerForm.parse(q("medication.prednisone.daily-dose"), "40", null, TODAY);
    assertThat(p.value()).isEqualTo(new Amount(40, Unit.MG));
    assertThat(error("medication.prednisone.daily-dose", "40", "kg"))
        .isEqualTo("Please choose a unit.");
  }

  @ParameterizedTest(name = "date \"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-06-15 | ''",
        "never | ''",
        "NEVER | ''",
        "2026-06-16 | Please enter a date that is not after today (2026-06-15).",
        "2026-02-30 | Please enter a date as year-month-day, for example 2024-05-31.",
        "15/06/2026 | Please enter a date as year-month-day, for example 2024-05-31.",
        "1899-12-31 | Please enter a date after 1900-01-01."
      })
  void dates(String value, String expected) {
    assertThat(error("medication.belimumab.last-taken", value, null)).isEqualTo(expected);
  }

  @Test
  void choices() {
    assertThat(error("infection.hiv", "yes", null)).isEmpty();
    assertThat(error("infection.hiv", "Yes", null)).isEmpty();
    assertThat(error("infection.hiv", "maybe", null))
        .isEqualTo("Please choose one of the answers offered.");
    assertThat(error("condition.cancer.kind", "basal-cell-carcinoma", null)).isEmpty();
    assertThat(error("condition.cancer.kind", "melanoma", null))
        .isEqualTo("Please choose one of the answers offered.");
    assertThat(AnswerForm.parse(q("infection.hiv"), "yes", null, TODAY).value())
        .isSameAs(Choice.YES);
  }

  @Test
  void badInputLosesNothing() {
    Map<String, String> form = new HashMap<>();
    form.put("age", "1O"); // letter O typed for a zero
    form.put("weight", "154");
    form.put("weight.unit", "lb");
    form.put("infection.hiv", "dont-know");
    form.put("medication.belimumab.last-taken", "2027-01-01");
    form.put("pregnancy", "  "); // blank: not answered, no error
    form.put("not-a-question", "ignored");
    FormResult r = AnswerForm.read(misle, form, TODAY);

    assertThat(r.isValid()).isFalse();
    assertThat(r.errors())
        .extracting(e -> e.question().value())
        .containsExactly("age", "medication.belimumab.last-taken");
    assertThat(r.errorFor(StandardQuestions.AGE_ID).orElseThrow().message().key())
        .isEqualTo("error.whole-number");
    assertThat(r.answers().get(StandardQuestions.WEIGHT_ID)).isEqualTo(new Amount(154, Unit.LB));
    assertThat(r.answers().get(QuestionId.of("infection.hiv"))).isSameAs(AnswerValue.DONT_KNOW);
    assertThat(r.answers().isAnswered(StandardQuestions.PREGNANCY_ID)).isFalse();
    assertThat(r.fields())
        .containsEntry("age", "1O")
        .containsEntry("weight.unit", "lb")
        .containsEntry("medication.belimumab.last-taken", "2027-01-01")
        .doesNotContainKey("not-a-question");
    assertThat(Messages.forLocale(Locale.forLanguageTag("es")).render(r.errors().get(0).message()))
        .isEqualTo("Escriba un número entero, por ejemplo 42.");
  }

  @Test
  void fieldsRoundTrip() {
    Answers answers =
        Answers.builder()
            .put("age", new WholeNumber(34))
            .put("weight", new Amount(62.5, Unit.KG))
            .put("medication.prednisone.daily-dose", new Amount(40, Unit.MG))
            .put("medication.belimumab.last-taken", AnswerValue.NEVER)
            .put("medication.rituximab.last-taken", new OnDate(LocalDate.of(2025, 11, 15)))
            .put("infection.hiv", AnswerValue.DONT_KNOW)
            .put("condition.cancer.kind", new Choice("basal-cell-carcinoma"))
            .build();
    Map<String, String> fields = AnswerForm.toFields(answers);
    assertThat(fields)
        .containsEntry("weight", "62.5")
        .containsEntry("weight.unit", "kg")
        .containsEntry("age", "34");
    FormResult r = AnswerForm.read(misle, fields, TODAY);
    assertThat(r.errors()).isEmpty();
    assertThat(r.answers()).isEqualTo(answers);
  }

  @Test
  void typedAnswersAreValidatedToo() {
    Answers bad =
        Answers.builder()
            .put("age", new WholeNumber(130))
            .put("weight", new Amount(60, Unit.MG))
            .put("infection.hiv", new WholeNumber(1))
            .put("medication.belimumab.last-taken", new OnDate(TODAY.plusDays(1)))
            .build();
    List<FieldError> errors = AnswerForm.validate(misle, bad, TODAY);
    assertThat(errors)
        .extracting(e -> e.message().key())
        .containsExactlyInAnyOrder(
            "error.range", "error.unit", "error.choice", "error.date-future");
  }
}
