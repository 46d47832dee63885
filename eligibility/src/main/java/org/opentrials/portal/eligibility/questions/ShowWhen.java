package org.opentrials.portal.eligibility.questions;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.TimeWindow;

/**
 * When a question is shown: always, or as a follow-up once earlier answers make it relevant (the
 * dose of prednisone only if prednisone was taken within the window).
 *
 * <p>{@link #dependsOn()} names the earlier questions the condition reads, so a questionnaire can
 * keep a follow-up on the same step as, and right after, the question it follows.
 */
public interface ShowWhen {

  /** Shown to everyone. */
  ShowWhen ALWAYS = new Always();

  boolean test(Answers answers, LocalDate screeningDate);

  /** The questions whose answers this condition reads; empty for {@link #ALWAYS}. */
  Set<QuestionId> dependsOn();

  /**
   * Shown when {@code question}'s answer is one of {@code accepted} (e.g. YES, or YES or
   * DONT_KNOW).
   */
  static ShowWhen answerIs(QuestionId question, AnswerValue... accepted) {
    return new AnswerIs(question, List.of(accepted));
  }

  /**
   * Shown when {@code question} was answered with a date within {@code window} before screening.
   */
  static ShowWhen dateWithin(QuestionId question, TimeWindow window) {
    return new DateWithin(question, window);
  }

  /** A condition computed by code, reading the answers to {@code dependsOn}. */
  static ShowWhen computed(Set<QuestionId> dependsOn, BiPredicate<Answers, LocalDate> test) {
    return new Computed(Set.copyOf(dependsOn), test);
  }

  /** Shown when both conditions hold. */
  default ShowWhen and(ShowWhen other) {
    if (this == ALWAYS) {
      return other;
    }
    if (other == ALWAYS) {
      return this;
    }
    return new AllOf(List.of(this, other));
  }

  /** Shown when either condition holds (used when two criteria ask the same question). */
  default ShowWhen or(ShowWhen other) {
    if (this == ALWAYS || other == ALWAYS) {
      return ALWAYS;
    }
    // Flat and without repeats: a question shared by thousands of trials must not nest thousands
    // of levels deep (that overflowed the stack when matching across 10,000 trials).
    java.util.LinkedHashSet<ShowWhen> flat = new java.util.LinkedHashSet<>();
    for (ShowWhen c : List.of(this, other)) {
      if (c instanceof AnyOf any) {
        flat.addAll(any.conditions());
      } else {
        flat.add(c);
      }
    }
    return flat.size() == 1 ? flat.iterator().next() : new AnyOf(List.copyOf(flat));
  }

  /** The condition {@link #ALWAYS}. */
  final class Always implements ShowWhen {
    private Always() {}

    @Override
    public boolean test(Answers answers, LocalDate screeningDate) {
      return true;
    }

    @Override
    public Set<QuestionId> dependsOn() {
      return Set.of();
    }

    @Override
    public String toString() {
      return "always";
    }
  }

  /** See {@link ShowWhen#answerIs}. */
  record AnswerIs(QuestionId question, List<AnswerValue> accepted) implements ShowWhen {
    public AnswerIs {
      Objects.requireNonNull(question, "question");
      accepted = List.copyOf(accepted);
    }

    @Override
    public boolean test(Answers answers, LocalDate screeningDate) {
      AnswerValue v = answers.get(question);
      return v != null && accepted.contains(v);
    }

    @Override
    public Set<QuestionId> dependsOn() {
      return Set.of(question);
    }
  }

  /** See {@link ShowWhen#dateWithin}. */
  record DateWithin(QuestionId question, TimeWindow window) implements ShowWhen {
    public DateWithin {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(window, "window");
    }

    @Override
    public boolean test(Answers answers, LocalDate screeningDate) {
      return answers.get(question) instanceof OnDate d && window.contains(d.date(), screeningDate);
    }

    @Override
    public Set<QuestionId> dependsOn() {
      return Set.of(question);
    }
  }

  /** See {@link ShowWhen#computed}. */
  record Computed(Set<QuestionId> dependsOn, BiPredicate<Answers, LocalDate> condition)
      implements ShowWhen {
    @Override
    public boolean test(Answers answers, LocalDate screeningDate) {
      return condition.test(answers, screeningDate);
    }
  }

  /** See {@link ShowWhen#and}. */
  record AllOf(List<ShowWhen> conditions) implements ShowWhen {
    @Override
    public boolean test(Answers answers, LocalDate screeningDate) {
      for (ShowWhen c : conditions) {
        if (!c.test(answers, screeningDate)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Set<QuestionId> dependsOn() {
      return union(conditions);
    }
  }

  /** See {@link ShowWhen#or}. */
  record AnyOf(List<ShowWhen> conditions) implements ShowWhen {
    @Override
    public boolean test(Answers answers, LocalDate screeningDate) {
      for (ShowWhen c : conditions) {
        if (c.test(answers, screeningDate)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<QuestionId> dependsOn() {
      return union(conditions);
    }
  }

  private static Set<QuestionId> union(List<ShowWhen> conditions) {
    Set<QuestionId> all = new LinkedHashSet<>();
    for (ShowWhen c : conditions) {
      all.addAll(c.dependsOn());
    }
    return Collections.unmodifiableSet(all);
  }
}
