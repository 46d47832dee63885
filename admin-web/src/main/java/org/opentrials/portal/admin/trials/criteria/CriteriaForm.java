package org.opentrials.portal.admin.trials.criteria;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionType;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.questions.Questionnaire;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A trial's criteria document opened for editing: the criteria in reading order, each with its
 * fields. {@link #build()} checks every field and gives either the document (exactly what {@link
 * CriteriaJson} writes, read back and turned into a questionnaire before it is offered) or the
 * fields to correct.
 */
public final class CriteriaForm implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Most criteria a trial's document holds; the eligibility sections of real protocols have far
   * fewer.
   */
  public static final int MAX_CRITERIA = 100;

  private final String trialId;
  private final List<CriterionForm> criteria = new ArrayList<>();

  private CriteriaForm(String trialId) {
    this.trialId = trialId;
  }

  /** No structured criteria yet. */
  public static CriteriaForm empty(String trialId) {
    return new CriteriaForm(trialId);
  }

  public static CriteriaForm of(TrialCriteria document) {
    CriteriaForm f = new CriteriaForm(document.trialId());
    document.criteria().forEach(c -> f.criteria.add(CriterionForm.of(c)));
    return f;
  }

  /**
   * The stored document opened for editing.
   *
   * @throws IllegalArgumentException when it cannot be read (the message names the JSON path)
   */
  public static CriteriaForm of(String trialId, String document) {
    return document == null ? empty(trialId) : of(CriteriaJson.decode(document));
  }

  public List<CriterionForm> getCriteria() {
    return criteria;
  }

  public String getTrialId() {
    return trialId;
  }

  // ---- structure ----

  /** Adds an empty inclusion criterion at the end, with an unused short name. */
  public CriterionForm add() {
    Set<String> used = new HashSet<>();
    criteria.forEach(c -> used.add(c.getId()));
    int n = criteria.size() + 1;
    while (used.contains("criterion-" + n)) {
      n++;
    }
    CriterionForm c = CriterionForm.blank("criterion-" + n);
    criteria.add(c);
    return c;
  }

  public void remove(CriterionForm criterion) {
    RuleForm.removeSame(criteria, criterion);
  }

  public void moveUp(CriterionForm criterion) {
    int i = indexOf(criterion);
    if (i > 0) {
      criteria.add(i - 1, criteria.remove(i));
    }
  }

  public void moveDown(CriterionForm criterion) {
    int i = indexOf(criterion);
    if (i >= 0 && i < criteria.size() - 1) {
      criteria.add(i + 1, criteria.remove(i));
    }
  }

  private int indexOf(CriterionForm criterion) {
    for (int i = 0; i < criteria.size(); i++) {
      if (criteria.get(i) == criterion) {
        return i;
      }
    }
    return -1;
  }

  /** Gives composites the rules their kind needs; call after every submission. */
  public void normalize() {
    criteria.forEach(c -> c.getRule().normalize());
  }

  // ---- building ----

  /** What a build gave: the document, or the errors (never both). */
  public record Result(TrialCriteria criteria, String document, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }

    /** The document to store: {@code null} for no criteria at all (nobody is pre-screened). */
    public String storedDocument() {
      return criteria == null || criteria.criteria().isEmpty() ? null : document;
    }
  }

  public Result build() {
    normalize();
    Errors errors = new Errors();
    if (criteria.size() > MAX_CRITERIA) {
      errors.add(null, "criteriaEdit.invalid.tooManyCriteria", MAX_CRITERIA);
    }
    List<Criterion> built = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < criteria.size(); i++) {
      CriterionForm f = criteria.get(i);
      String at = "criteria:" + i + ":";
      int before = errors.count();
      Text text = f.getText().toText(errors, at + "text");
      String id =
          Ids.require(
              f.getId(),
              f.getText().hasEnglish() ? f.getText().getEn() : null,
              errors,
              at + "criterionId");
      if (id != null && !ids.add(id)) {
        errors.add(at + "criterionId", "criteriaEdit.invalid.duplicate");
      }
      CriterionType type = f.getType();
      if (type == null) {
        errors.add(at + "type", "criteriaEdit.invalid.typeMissing");
      }
      Rule rule = f.getRule().build(errors, at);
      if (errors.count() == before) {
        built.add(new Criterion(id, type, text, rule));
      }
    }
    if (errors.count() > 0) {
      return new Result(null, null, errors.list());
    }
    TrialCriteria document = new TrialCriteria(trialId, built);
    String json = CriteriaJson.encode(document);
    // What is stored must read back, and give the visitor a questionnaire: checked here, not
    // trusted.
    TrialCriteria reread = CriteriaJson.decode(json);
    try {
      questionnaire(reread);
    } catch (IllegalArgumentException e) {
      return new Result(
          null, null, List.of(FieldError.of(null, "criteriaEdit.invalid.questionnaire")));
    }
    return new Result(reread, json, List.of());
  }

  /** The questions a visitor is asked for these criteria, as the pre-screener derives them. */
  public static Questionnaire questionnaire(TrialCriteria criteria) {
    return new PreScreener(Clock.systemUTC()).questionnaire(criteria);
  }
}
