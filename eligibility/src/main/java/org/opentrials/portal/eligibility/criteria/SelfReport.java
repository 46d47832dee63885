package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A yes/no question in the sponsor's own words, answered by the visitor: "Do you have an unstable
 * medical condition, such as heart disease that is not under control?". The statement holds if the
 * visitor says yes.
 *
 * <p>Why this kind exists next to {@link CoordinatorCheck}: many criteria cannot be decided
 * precisely online but have a plain question a visitor can answer. Asking it lets a visitor who
 * answers everything reach LIKELY_ELIGIBLE, while the study team still confirms at screening, as it
 * does for every criterion. Use {@link CoordinatorCheck} only where no such question exists.
 *
 * <p>A class rather than a record so its question id is computed once.
 */
public final class SelfReport implements Rule {
  private final String id;
  private final Text question;
  private final Topic topic;
  private final QuestionId questionId;

  /**
   * @param id slug keying the question; trials using the same id share the answer
   * @param question the question as the visitor reads it
   * @param topic which step it belongs to
   */
  public SelfReport(String id, Text question, Topic topic) {
    this.id = Slugs.require(id, "self-report id");
    this.question = Objects.requireNonNull(question, "question");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.questionId = QuestionId.of("self-report." + id);
  }

  public String id() {
    return id;
  }

  public Text question() {
    return question;
  }

  public Topic topic() {
    return topic;
  }

  public QuestionId questionId() {
    return questionId;
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return Reasons.yesNo(answers.get(questionId));
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue v = answers.get(questionId);
    Truth t = Reasons.yesNo(v);
    if (t == Truth.UNKNOWN) {
      return Reasons.unknownOutcome(asQuestion(), v);
    }
    return Outcome.of(
        t,
        Message.of(t == Truth.TRUE ? "reason.self-report.yes" : "reason.self-report.no", question));
  }

  @Override
  public List<Question> questions() {
    return List.of(asQuestion());
  }

  private Question asQuestion() {
    return Question.yesNo(questionId, topic, Reasons.text(question));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelfReport s
        && s.id.equals(id)
        && s.question.equals(question)
        && s.topic == topic;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, question, topic);
  }

  @Override
  public String toString() {
    return "SelfReport[" + id + "]";
  }
}
