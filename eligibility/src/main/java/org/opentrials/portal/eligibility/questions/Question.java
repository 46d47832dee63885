package org.opentrials.portal.eligibility.questions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Text;

/**
 * One question of the pre-screener, as the web layer renders it. Every question also offers "I
 * don't know" ({@code option.dont-know}).
 *
 * @param id stable id, also the form field name
 * @param topic groups the question into a step
 * @param type how it is answered
 * @param text the question, e.g. "When did you last take belimumab?"
 * @param hint help shown under the question, or {@code null}
 * @param options for {@link AnswerType#YES_NO} and {@link AnswerType#CHOICE}; empty otherwise
 * @param items a list shown with the question, e.g. the 11 ACR criteria to count; often empty
 * @param min smallest accepted number (for amounts in the base unit: kg or mg)
 * @param max largest accepted number (for amounts in the base unit)
 * @param units units offered for {@link AnswerType#AMOUNT}, the default first; empty otherwise
 * @param shownWhen when the question is shown (follow-ups only after certain answers)
 */
public record Question(
    QuestionId id,
    Topic topic,
    AnswerType type,
    Message text,
    Message hint,
    List<Option> options,
    List<Text> items,
    double min,
    double max,
    List<Unit> units,
    ShowWhen shownWhen) {

  private static final List<Option> YES_NO_OPTIONS =
      List.of(
          new Option("yes", Message.of("option.yes")), new Option("no", Message.of("option.no")));

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    options = List.copyOf(options);
    items = List.copyOf(items);
    units = List.copyOf(units);
    Objects.requireNonNull(shownWhen, "shownWhen");
    boolean hasOptions = type == AnswerType.YES_NO || type == AnswerType.CHOICE;
    if (hasOptions == options.isEmpty()) {
      throw new IllegalArgumentException(
          id + ": options are required for yes/no and choice questions, and only for them");
    }
    if ((type == AnswerType.AMOUNT) == units.isEmpty()) {
      throw new IllegalArgumentException(
          id + ": units are required for amounts, and only for them");
    }
    for (Unit u : units) {
      if (u.dimension() != units.get(0).dimension()) {
        throw new IllegalArgumentException(id + ": units must measure the same thing: " + units);
      }
    }
    if (!(min <= max)) {
      throw new IllegalArgumentException(id + ": min " + min + " is above max " + max);
    }
  }

  public static Question yesNo(QuestionId id, Topic topic, Message text) {
    return new Question(
        id,
        topic,
        AnswerType.YES_NO,
        text,
        null,
        YES_NO_OPTIONS,
        List.of(),
        0,
        0,
        List.of(),
        ShowWhen.ALWAYS);
  }

  public static Question choice(QuestionId id, Topic topic, Message text, List<Option> options) {
    return new Question(
        id,
        topic,
        AnswerType.CHOICE,
        text,
        null,
        options,
        List.of(),
        0,
        0,
        List.of(),
        ShowWhen.ALWAYS);
  }

  public static Question wholeNumber(QuestionId id, Topic topic, Message text, int min, int max) {
    return new Question(
        id,
        topic,
        AnswerType.WHOLE_NUMBER,
        text,
        null,
        List.of(),
        List.of(),
        min,
        max,
        List.of(),
        ShowWhen.ALWAYS);
  }

  /** An amount between {@code minBase} and {@code maxBase} in the base unit (kg or mg). */
  public static Question amount(
      QuestionId id, Topic topic, Message text, List<Unit> units, double minBase, double maxBase) {
    return new Question(
        id,
        topic,
        AnswerType.AMOUNT,
        text,
        null,
        List.of(),
        List.of(),
        minBase,
        maxBase,
        units,
        ShowWhen.ALWAYS);
  }

  public static Question dateOrNever(QuestionId id, Topic topic, Message text) {
    return new Question(
        id,
        topic,
        AnswerType.DATE_OR_NEVER,
        text,
        null,
        List.of(),
        List.of(),
        0,
        0,
        List.of(),
        ShowWhen.ALWAYS);
  }

  public Question withHint(Message newHint) {
    return new Question(id, topic, type, text, newHint, options, items, min, max, units, shownWhen);
  }

  public Question withItems(List<Text> newItems) {
    return new Question(id, topic, type, text, hint, options, newItems, min, max, units, shownWhen);
  }

  public Question withOptions(List<Option> newOptions) {
    return new Question(id, topic, type, text, hint, newOptions, items, min, max, units, shownWhen);
  }

  public Question withShownWhen(ShowWhen condition) {
    return new Question(id, topic, type, text, hint, options, items, min, max, units, condition);
  }

  /**
   * True if the question is asked only after certain earlier answers (the dose after a recent
   * date), i.e. it is not shown before anything is answered. Questions that are shown at first and
   * hidden once an earlier answer makes them pointless are not follow-ups.
   */
  public boolean isFollowUp() {
    return !shownWhen.test(Answers.empty(), LocalDate.EPOCH);
  }

  /** True if {@code value} is the value of one of the options. */
  public boolean hasOption(String value) {
    for (Option o : options) {
      if (o.value().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
