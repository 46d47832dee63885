package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Questionnaire;

/**
 * A trial's pre-screening criteria, in the order the visitor reads them. Immutable; equal when the
 * trial id and criteria are equal.
 *
 * <p>A class rather than a record because it also holds its criteria compiled for the fast path
 * ({@link #verdict(PreparedAnswers)}), built once here.
 */
public final class TrialCriteria {
  private final String trialId;
  private final List<Criterion> criteria;
  private final Program program;
  // The program's arrays, held here too so the fast path reads them without going through it.
  private final int[] code;
  private final Object[] constants;

  /**
   * @param trialId the registry id, e.g. "NCT02633163"
   * @param criteria in reading order; ids unique
   */
  public TrialCriteria(String trialId, List<Criterion> criteria) {
    Objects.requireNonNull(trialId, "trialId");
    if (!isTrialId(trialId)) {
      throw new IllegalArgumentException(
          "trial id must be 1-64 letters, digits, '-', '_', '.' or '/': \"" + trialId + "\"");
    }
    List<Criterion> copy = List.copyOf(criteria);
    Set<String> ids = new HashSet<>();
    for (Criterion c : copy) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("criterion id \"" + c.id() + "\" is used twice");
      }
    }
    this.trialId = trialId;
    this.criteria = copy;
    this.program = Program.compile(copy);
    this.code = program.code();
    this.constants = program.constants();
  }

  public String trialId() {
    return trialId;
  }

  public List<Criterion> criteria() {
    return criteria;
  }

  public Optional<Criterion> criterion(String id) {
    for (Criterion c : criteria) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The verdict without reasons, from the compiled criteria: the fast path for ranking many trials
   * against one {@link PreparedAnswers}. Stops at the first criterion not met; allocates nothing.
   */
  public Verdict verdict(PreparedAnswers answers) {
    return Program.verdict(code, constants, answers);
  }

  /** As {@link #verdict(PreparedAnswers)}, preparing the answers first (for a single trial). */
  public Verdict verdict(Answers answers, LocalDate screeningDate) {
    return verdict(PreparedAnswers.of(answers, screeningDate));
  }

  /** The compiled criteria, for {@link CompiledTrials}. */
  Program program() {
    return program;
  }

  /** The compiled truth of one criterion's rule: lets tests hold it against {@link Rule#test}. */
  Truth compiledTruth(int criterionIndex, PreparedAnswers answers) {
    return program.truth(criterionIndex, answers);
  }

  /** The questions of all criteria, in criteria order, duplicates included. */
  public List<Question> questions() {
    List<Question> all = new ArrayList<>();
    for (Criterion c : criteria) {
      all.addAll(c.rule().questions());
    }
    return all;
  }

  /** The questionnaire for this trial alone. */
  public Questionnaire questionnaire() {
    return Questionnaire.of(questions());
  }

  /** One questionnaire for several trials, each shared question asked once. */
  public static Questionnaire questionnaire(Collection<TrialCriteria> trials) {
    List<Question> all = new ArrayList<>();
    for (TrialCriteria t : trials) {
      all.addAll(t.questions());
    }
    return Questionnaire.of(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrialCriteria t && t.trialId.equals(trialId) && t.criteria.equals(criteria);
  }

  @Override
  public int hashCode() {
    return Objects.hash(trialId, criteria);
  }

  @Override
  public String toString() {
    return "TrialCriteria[" + trialId + ", " + criteria.size() + " criteria]";
  }

  private static boolean isTrialId(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
