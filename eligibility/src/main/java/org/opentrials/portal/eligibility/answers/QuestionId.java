package org.opentrials.portal.eligibility.answers;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opentrials.portal.eligibility.text.Slugs;

/**
 * The id of a question, such as {@code age}, {@code med.belimumab.last-taken} or {@code
 * infection.hiv}: dot-separated slugs.
 *
 * <p>Ids are interned: there is one instance per id string, each with a small dense index, so that
 * {@link Answers} can look an answer up by array index. Evaluating one answer set against 100,000
 * trials reads millions of answers, and a hash lookup per read would dominate the cost.
 *
 * <p>Because interned ids are never forgotten, only criteria (sponsor content) create ids with
 * {@link #of}; code handling visitor input must use {@link #find}, which never registers a new id,
 * so that arbitrary field names posted by a client cannot grow the registry.
 */
public final class QuestionId implements Comparable<QuestionId> {
  private static final ConcurrentHashMap<String, QuestionId> REGISTRY = new ConcurrentHashMap<>();

  /** Ids by index; replaced (copy on write) under the class lock when an id is registered. */
  private static volatile QuestionId[] byIndex = new QuestionId[0];

  private final String value;
  private final int index;

  private QuestionId(String value, int index) {
    this.value = value;
    this.index = index;
  }

  /**
   * The id for {@code value}, registering it on first use.
   *
   * @throws IllegalArgumentException if {@code value} is not dot-separated slugs
   */
  public static QuestionId of(String value) {
    QuestionId existing = REGISTRY.get(Objects.requireNonNull(value, "question id"));
    if (existing != null) {
      return existing;
    }
    requireValid(value);
    return register(value);
  }

  private static synchronized QuestionId register(String value) {
    QuestionId existing = REGISTRY.get(value);
    if (existing != null) {
      return existing;
    }
    QuestionId[] old = byIndex;
    QuestionId id = new QuestionId(value, old.length);
    QuestionId[] grown = Arrays.copyOf(old, old.length + 1);
    grown[id.index] = id;
    byIndex = grown;
    REGISTRY.put(value, id);
    return id;
  }

  /** The registered id with this index. */
  static QuestionId byIndex(int index) {
    return byIndex[index];
  }

  /** The id for {@code value} if some criterion has already registered it. */
  public static Optional<QuestionId> find(String value) {
    return value == null ? Optional.empty() : Optional.ofNullable(REGISTRY.get(value));
  }

  public String value() {
    return value;
  }

  /**
   * Dense index of this id in the process-wide registry (0, 1, 2, ...), for array-based lookups
   * such as {@link Answers} and {@link PreparedAnswers}.
   */
  public int index() {
    return index;
  }

  @Override
  public int compareTo(QuestionId other) {
    return value.compareTo(other.value);
  }

  // equals and hashCode are Object's: ids are interned, so identity is equality.

  @Override
  public String toString() {
    return value;
  }

  private static void requireValid(String value) {
    if (value.isEmpty() || value.length() > 200) {
      throw new IllegalArgumentException("question id must be 1-200 characters: \"" + value + "\"");
    }
    int start = 0;
    while (start <= value.length()) {
      int dot = value.indexOf('.', start);
      int end = dot < 0 ? value.length() : dot;
      if (!Slugs.isSlug(value.substring(start, end))) {
        throw new IllegalArgumentException(
            "question id must be dot-separated slugs (a-z, 0-9, hyphens): \"" + value + "\"");
      }
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
  }
}
