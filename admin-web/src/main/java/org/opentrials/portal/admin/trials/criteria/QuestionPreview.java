package org.opentrials.portal.admin.trials.criteria;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.questions.Option;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;
import org.opentrials.portal.eligibility.questions.Step;
import org.opentrials.portal.eligibility.text.Messages;
import org.opentrials.portal.eligibility.text.Text;

/**
 * The questions a visitor will be asked for the criteria being edited, step by step, in the words
 * the public pre-screener uses (the eligibility module's own texts): sponsors check their work
 * before they save.
 */
public final class QuestionPreview {
  private QuestionPreview() {}

  /** One page of the questionnaire. */
  public record PreviewStep(int number, String title, List<PreviewQuestion> questions)
      implements Serializable {}

  /**
   * One question: its text, help, how it is answered ({@code AnswerType} name), the options of a
   * choice (joined by commas), the items it lists, and whether it is a follow-up shown only after
   * certain answers.
   */
  public record PreviewQuestion(
      String id,
      String text,
      String hint,
      String answerType,
      String options,
      List<String> items,
      boolean followUp)
      implements Serializable {}

  public static List<PreviewStep> of(TrialCriteria criteria, Locale locale) {
    Messages messages = Messages.forLocale(locale);
    List<PreviewStep> steps = new ArrayList<>();
    for (Step step : CriteriaForm.questionnaire(criteria).steps()) {
      List<PreviewQuestion> questions = new ArrayList<>();
      for (Question q : step.questions()) {
        List<String> options = new ArrayList<>();
        for (Option o : q.options()) {
          options.add(messages.render(o.label()));
        }
        List<String> items = new ArrayList<>();
        for (Text t : q.items()) {
          items.add(messages.render(t));
        }
        questions.add(
            new PreviewQuestion(
                q.id().toString(),
                messages.render(q.text()),
                q.hint() == null ? null : messages.render(q.hint()),
                q.type().name(),
                String.join(", ", options),
                List.copyOf(items),
                q.shownWhen() != ShowWhen.ALWAYS));
      }
      steps.add(
          new PreviewStep(step.number(), messages.render(step.title()), List.copyOf(questions)));
    }
    return List.copyOf(steps);
  }
}
