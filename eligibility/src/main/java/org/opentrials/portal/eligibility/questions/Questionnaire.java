package org.opentrials.portal.eligibility.questions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;

/**
 * The questions a visitor is asked, deduplicated and grouped into steps.
 *
 * <p><b>Deduplication.</b> Criteria derive their questions independently; a question with the same
 * {@link QuestionId} (age, "when did you last take rituximab") is asked once. The first derivation
 * wins, except that the merged question is shown when <em>any</em> derivation would show it, and a
 * choice question offers the union of all derivations' options (two trials may allow different
 * kinds of cancer; the kinds offered are all of them).
 *
 * <p><b>Steps.</b> Each question that is not a follow-up starts a cluster; follow-ups join the
 * cluster of the (latest) question they depend on, so they stay right after it on the same page.
 * Clusters are ordered by {@link Topic}, then by first appearance in the criteria, and packed into
 * steps of {@value #MIN_PER_STEP} to {@value #MAX_PER_STEP} questions; a new step starts at a new
 * topic once the current step has {@value #MIN_PER_STEP} questions. A cluster larger than {@value
 * #MAX_PER_STEP} questions gets a step of its own.
 */
public final class Questionnaire {
  public static final int MIN_PER_STEP = 2;
  public static final int MAX_PER_STEP = 5;

  private final List<Question> questions;
  private final List<Step> steps;
  private final Map<QuestionId, Question> byId;

  private Questionnaire(List<Step> steps) {
    this.steps = List.copyOf(steps);
    List<Question> all = new ArrayList<>();
    Map<QuestionId, Question> index = new HashMap<>();
    for (Step s : steps) {
      for (Question q : s.questions()) {
        all.add(q);
        index.put(q.id(), q);
      }
    }
    this.questions = List.copyOf(all);
    this.byId = Map.copyOf(index);
  }

  /**
   * Builds a questionnaire from questions as criteria derived them, duplicates included, in the
   * order the criteria list them.
   */
  public static Questionnaire of(List<Question> derived) {
    return new Questionnaire(paginate(cluster(merge(derived))));
  }

  /** All questions, in asking order. */
  public List<Question> questions() {
    return questions;
  }

  public List<Step> steps() {
    return steps;
  }

  public Optional<Question> question(QuestionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The question with this id, never registering a new id (safe for client input). */
  public Optional<Question> question(String id) {
    return QuestionId.find(id).flatMap(this::question);
  }

  /** True if {@code question} is shown given the answers so far. */
  public boolean isShown(Question question, Answers answers, LocalDate screeningDate) {
    return question.shownWhen().test(answers, screeningDate);
  }

  /** The questions of a step that are shown given the answers so far. */
  public List<Question> shownQuestions(Step step, Answers answers, LocalDate screeningDate) {
    return shown(step.questions(), answers, screeningDate);
  }

  /** All questions shown given the answers so far. */
  public List<Question> shownQuestions(Answers answers, LocalDate screeningDate) {
    return shown(questions, answers, screeningDate);
  }

  /** Shown questions still without an answer ("I don't know" counts as an answer). */
  public List<Question> unanswered(Answers answers, LocalDate screeningDate) {
    List<Question> open = new ArrayList<>();
    for (Question q : shownQuestions(answers, screeningDate)) {
      if (!answers.isAnswered(q.id())) {
        open.add(q);
      }
    }
    return open;
  }

  private static List<Question> shown(List<Question> qs, Answers answers, LocalDate date) {
    List<Question> out = new ArrayList<>();
    for (Question q : qs) {
      if (q.shownWhen().test(answers, date)) {
        out.add(q);
      }
    }
    return out;
  }

  private static List<Question> merge(List<Question> derived) {
    Map<QuestionId, Question> merged = new LinkedHashMap<>();
    for (Question q : derived) {
      merged.merge(q.id(), q, Questionnaire::mergeTwo);
    }
    return new ArrayList<>(merged.values());
  }

  private static Question mergeTwo(Question first, Question again) {
    Question result = first.withShownWhen(first.shownWhen().or(again.shownWhen()));
    if (first.type() == AnswerType.CHOICE && again.type() == AnswerType.CHOICE) {
      List<Option> options = new ArrayList<>(first.options());
      // "Another kind" style catch-all options stay last.
      Option last = options.isEmpty() ? null : options.get(options.size() - 1);
      for (Option o : again.options()) {
        if (!first.hasOption(o.value())) {
          options.add(last != null ? options.indexOf(last) : options.size(), o);
        }
      }
      result = result.withOptions(options);
    }
    return result;
  }

  /** A root question and its follow-ups. */
  private record Cluster(int order, Topic topic, List<Question> questions) {}

  private static List<Cluster> cluster(List<Question> merged) {
    List<Cluster> clusters = new ArrayList<>();
    Map<QuestionId, Cluster> clusterOf = new HashMap<>();
    for (Question q : merged) {
      Cluster parent = null;
      for (QuestionId dependency : q.shownWhen().dependsOn()) {
        Cluster c = clusterOf.get(dependency);
        if (c != null && (parent == null || c.order() > parent.order())) {
          parent = c;
        }
      }
      if (parent == null) {
        parent = new Cluster(clusters.size(), q.topic(), new ArrayList<>());
        clusters.add(parent);
      }
      parent.questions().add(q);
      clusterOf.put(q.id(), parent);
    }
    clusters.sort(Comparator.comparing(Cluster::topic).thenComparingInt(Cluster::order));
    return clusters;
  }

  private static List<Step> paginate(List<Cluster> clusters) {
    List<List<Question>> pages = new ArrayList<>();
    List<Topic> topics = new ArrayList<>();
    List<Question> page = new ArrayList<>();
    Topic pageTopic = null;
    for (Cluster c : clusters) {
      boolean full = page.size() + c.questions().size() > MAX_PER_STEP;
      boolean newTopic = c.topic() != pageTopic && page.size() >= MIN_PER_STEP;
      if (!page.isEmpty() && (full || newTopic)) {
        pages.add(page);
        topics.add(pageTopic);
        page = new ArrayList<>();
      }
      if (page.isEmpty()) {
        pageTopic = c.topic();
      }
      page.addAll(c.questions());
    }
    if (!page.isEmpty()) {
      pages.add(page);
      topics.add(pageTopic);
    }
    // A lone question left over at the end joins the previous step if it fits.
    int n = pages.size();
    if (n >= 2
        && pages.get(n - 1).size() < MIN_PER_STEP
        && pages.get(n - 2).size() + pages.get(n - 1).size() <= MAX_PER_STEP) {
      pages.get(n - 2).addAll(pages.remove(n - 1));
      topics.remove(n - 1);
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      steps.add(new Step(i + 1, topics.get(i), pages.get(i)));
    }
    return steps;
  }
}
