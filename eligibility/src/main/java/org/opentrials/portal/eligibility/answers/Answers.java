package org.opentrials.portal.eligibility.answers;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable set of answers: question id to {@link AnswerValue}. A question without an entry was
 * not answered; {@link AnswerValue#DONT_KNOW} is an explicit "I don't know".
 *
 * <p>Stored as an array indexed by {@link QuestionId}'s dense index so that {@link #get} is an
 * array read: evaluation against many trials reads answers in a tight loop.
 */
public final class Answers {
  private static final AnswerValue[] NONE = new AnswerValue[0];
  private static final Answers EMPTY = new Answers(NONE, 0);

  private final AnswerValue[] values;
  private final int size;

  private Answers(AnswerValue[] values, int size) {
    this.values = values;
    this.size = size;
  }

  public static Answers empty() {
    return EMPTY;
  }

  public static Answers of(Map<QuestionId, ? extends AnswerValue> answers) {
    Builder b = builder();
    answers.forEach(b::put);
    return b.build();
  }

  public static Builder builder() {
    return new Builder(NONE);
  }

  /** The answer to a question, or {@code null} if it was not answered. */
  public AnswerValue get(QuestionId question) {
    int i = question.index();
    return i < values.length ? values[i] : null;
  }

  /** True if the question has an answer, including "I don't know". */
  public boolean isAnswered(QuestionId question) {
    return get(question) != null;
  }

  /** The backing array, indexed by question id index; read-only by contract. */
  AnswerValue[] values() {
    return values;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** These answers with one answer set (replacing any previous answer). */
  public Answers with(QuestionId question, AnswerValue value) {
    return toBuilder().put(question, value).build();
  }

  /** These answers without the answer to {@code question}. */
  public Answers without(QuestionId question) {
    return toBuilder().remove(question).build();
  }

  /** These answers overlaid with {@code newer}: newer answers win, e.g. a later form step. */
  public Answers withAll(Answers newer) {
    Builder b = toBuilder();
    newer.asMap().forEach(b::put);
    return b.build();
  }

  /** The answers as a map sorted by question id. */
  public Map<QuestionId, AnswerValue> asMap() {
    TreeMap<QuestionId, AnswerValue> map = new TreeMap<>();
    forEachAnswer(map::put);
    return Collections.unmodifiableMap(map);
  }

  public Builder toBuilder() {
    return new Builder(values);
  }

  private void forEachAnswer(java.util.function.BiConsumer<QuestionId, AnswerValue> action) {
    if (size == 0) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        action.accept(QuestionId.byIndex(i), values[i]);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Answers other) || other.size != size) {
      return false;
    }
    int n = Math.max(values.length, other.values.length);
    for (int i = 0; i < n; i++) {
      AnswerValue a = i < values.length ? values[i] : null;
      AnswerValue b = i < other.values.length ? other.values[i] : null;
      if (!Objects.equals(a, b)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        h += i ^ values[i].hashCode();
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /** Collects answers; not thread-safe. */
  public static final class Builder {
    private AnswerValue[] values;

    private Builder(AnswerValue[] initial) {
      this.values = initial.length == 0 ? NONE : Arrays.copyOf(initial, initial.length);
    }

    public Builder put(QuestionId question, AnswerValue value) {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(value, "value");
      int i = question.index();
      if (i >= values.length) {
        values = Arrays.copyOf(values, Math.max(i + 1, values.length * 2));
      }
      values[i] = value;
      return this;
    }

    /**
     * Convenience for tests and demo data; ids from visitor input belong in {@link
     * QuestionId#find}.
     */
    public Builder put(String questionId, AnswerValue value) {
      return put(QuestionId.of(questionId), value);
    }

    public Builder remove(QuestionId question) {
      int i = question.index();
      if (i < values.length) {
        values[i] = null;
      }
      return this;
    }

    public Answers build() {
      int last = -1;
      int count = 0;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          last = i;
          count++;
        }
      }
      if (count == 0) {
        return EMPTY;
      }
      return new Answers(Arrays.copyOf(values, last + 1), count);
    }
  }
}
