package org.opentrials.portal.eligibility.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;

class AnswersTest {
  final QuestionId age = QuestionId.of("age");
  final QuestionId hiv = QuestionId.of("infection.hiv");

  @Test
  void dontKnowIsAnAnswerButMissingIsNot() {
    Answers a = Answers.builder().put(hiv, AnswerValue.DONT_KNOW).build();
    assertThat(a.isAnswered(hiv)).isTrue();
    assertThat(a.get(hiv)).isSameAs(AnswerValue.DONT_KNOW);
    assertThat(a.isAnswered(age)).isFalse();
    assertThat(a.get(age)).isNull();
    assertThat(a.size()).isEqualTo(1);
  }

  @Test
  void immutableWithCopies() {
    Answers one = Answers.builder().put(age, new WholeNumber(30)).build();
    Answers two = one.with(hiv, Choice.NO);
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.size()).isEqualTo(2);
    assertThat(two.without(age).asMap()).containsOnlyKeys(hiv);
    Answers overlaid = two.withAll(Answers.builder().put(age, new WholeNumber(31)).build());
    assertThat(overlaid.get(age)).isEqualTo(new WholeNumber(31));
    assertThat(overlaid.get(hiv)).isEqualTo(Choice.NO);
    assertThat(one.without(age)).isEqualTo(Answers.empty());
  }

  @Test
  void equalityIsByContent() {
    Answers x = Answers.builder().put(age, new WholeNumber(30)).put(hiv, new Choice("no")).build();
    Answers y = Answers.builder().put(hiv, Choice.NO).put(age, new WholeNumber(30)).build();
    assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
    assertThat(x).isNotEqualTo(y.with(hiv, Choice.YES));
    assertThat(x.asMap().keySet())
        .extracting(QuestionId::value)
        .containsExactly("age", "infection.hiv");
  }

  @Test
  void questionIdsAreInternedAndValidated() {
    assertThat(QuestionId.of("age")).isSameAs(age);
    assertThat(QuestionId.find("age")).containsSame(age);
    assertThat(QuestionId.find("never.registered.by-anyone")).isEmpty();
    assertThat(QuestionId.find("never.registered.by-anyone"))
        .as("find does not register")
        .isEmpty();
    assertThatThrownBy(() -> QuestionId.of("Age")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuestionId.of("a..b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuestionId.of(".a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuestionId.of("a b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesValidate() {
    assertThatThrownBy(() -> new WholeNumber(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Amount(Double.NaN, Unit.KG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Amount(-1, Unit.KG)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Choice("Yes")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Amount(154, Unit.LB).inBaseUnit())
        .isCloseTo(69.853, org.assertj.core.data.Offset.offset(0.001));
    assertThat(new OnDate(LocalDate.of(2026, 1, 2)).toString()).isEqualTo("2026-01-02");
  }

  @Test
  void unitsBySymbol() {
    assertThat(Unit.bySymbol(" LB ")).contains(Unit.LB);
    assertThat(Unit.bySymbol("st")).isEmpty();
    assertThat(Unit.LB.fromBase(Unit.LB.toBase(154)))
        .isCloseTo(154, org.assertj.core.data.Offset.offset(1e-9));
  }
}
