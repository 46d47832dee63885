package org.opentrials.portal.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.questions.FormResult;
import org.opentrials.portal.eligibility.questions.Questionnaire;
import org.opentrials.portal.eligibility.testing.Misle;

class AnswersJsonTest {
  final Questionnaire misle = Misle.criteria().questionnaire();

  @Test
  void roundTripsEveryKindOfAnswer() {
    Answers answers =
        Answers.builder()
            .put("age", new WholeNumber(34))
            .put("diagnosis.sle", Choice.YES)
            .put("infection.hiv", AnswerValue.DONT_KNOW)
            .put("medication.belimumab.last-taken", AnswerValue.NEVER)
            .put("medication.prednisone.last-taken", new OnDate(LocalDate.of(2026, 6, 1)))
            .put("weight", new Amount(154, Unit.LB))
            .put("medication.prednisone.daily-dose", new Amount(12.5, Unit.MG))
            .put("condition.cancer.kind", new Choice("basal-cell-carcinoma"))
            .build();
    String json = AnswersJson.encode(answers);
    assertThat(json)
        .contains("\"age\":34")
        .contains("\"weight\":{\"value\":154,\"unit\":\"lb\"}")
        .contains("\"medication.prednisone.daily-dose\":{\"value\":12.5,\"unit\":\"mg\"}")
        .contains("\"infection.hiv\":\"dont-know\"")
        .contains("\"medication.belimumab.last-taken\":\"never\"");
    FormResult decoded = AnswersJson.decode(json, misle, TODAY);
    assertThat(decoded.errors()).isEmpty();
    assertThat(decoded.answers()).isEqualTo(answers);
  }

  @Test
  void acceptsBooleansAndNumbersAsStrings() {
    FormResult r =
        AnswersJson.decode(
            "{\"infection.hiv\": false, \"dialysis\": true, \"age\": \"40\", \"pregnancy\": null,"
                + " \"weight\": {\"value\": \"70,5\", \"unit\": \"kg\"}, \"some.other-trial\": \"yes\"}",
            misle,
            TODAY);
    assertThat(r.errors()).isEmpty();
    assertThat(r.answers().get(QuestionId.of("infection.hiv"))).isEqualTo(Choice.NO);
    assertThat(r.answers().get(QuestionId.of("dialysis"))).isEqualTo(Choice.YES);
    assertThat(r.answers().get(QuestionId.of("age"))).isEqualTo(new WholeNumber(40));
    assertThat(r.answers().get(QuestionId.of("weight"))).isEqualTo(new Amount(70.5, Unit.KG));
    assertThat(r.answers().size()).isEqualTo(4);
  }

  @Test
  void badValuesAreFieldErrorsNotExceptions() {
    FormResult r =
        AnswersJson.decode(
            "{\"age\": 130, \"medication.rituximab.last-taken\": \"2030-01-01\", \"dialysis\": \"maybe\"}",
            misle,
            TODAY);
    assertThat(r.errors())
        .extracting(e -> e.message().key())
        .containsExactlyInAnyOrder("error.range", "error.date-future", "error.choice");
    assertThat(r.answers().isEmpty()).isTrue();
  }

  @Test
  void malformedDocumentsNameThePath() {
    assertThatThrownBy(() -> AnswersJson.decode("{\"age\": [34]}", misle, TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("$.age: expected a string, number or boolean, but was an array");
    assertThatThrownBy(() -> AnswersJson.decode("{\"weight\": {\"amount\": 3}}", misle, TODAY))
        .hasMessageStartingWith("$.weight: unknown field \"amount\"");
    assertThatThrownBy(() -> AnswersJson.decode("nope", misle, TODAY))
        .hasMessageStartingWith("$: not valid JSON");
  }
}
