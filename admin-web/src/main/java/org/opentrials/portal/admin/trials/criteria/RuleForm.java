package org.opentrials.portal.admin.trials.criteria;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.answers.TimeWindow.CalendarUnit;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.And;
import org.opentrials.portal.eligibility.criteria.Classification;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Diagnosis;
import org.opentrials.portal.eligibility.criteria.Dialysis;
import org.opentrials.portal.eligibility.criteria.DiseaseActivity;
import org.opentrials.portal.eligibility.criteria.IfThen;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationChanged;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Not;
import org.opentrials.portal.eligibility.criteria.Or;
import org.opentrials.portal.eligibility.criteria.OrganTransplant;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.Score;
import org.opentrials.portal.eligibility.criteria.SelfReport;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/**
 * One rule as form fields. The form holds the fields of every kind at once, so that switching the
 * kind back and forth (medication taken, medication dose) keeps what was typed; {@link #build}
 * reads only the chosen kind's. Numbers stay text until then, so a wrong value is kept as typed and
 * explained on its field.
 *
 * <p>Nesting: a rule of the criterion edits its kind and fields, and a composite (any of, all of,
 * not, if-then) its rules one level down, each of a simple kind. A rule nested deeper than that is
 * kept as it was ({@link #isKept()}), shown in words, and can be replaced by a simple rule.
 */
public final class RuleForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int MAX_AGE = 120;
  static final int MAX_SCORE = 10_000;
  static final int MAX_PERIOD = 1200;
  static final int MAX_ITEMS = 50;

  private final boolean nested;
  private RuleKind kind;
  private String keptJson;

  private String minAge;
  private String maxAge;
  private SexRule.Sex sex;

  private String conditionId;
  private TextForm condition = new TextForm();
  private boolean present = true;
  private boolean confirmed;
  private String classificationId;
  private TextForm classification = new TextForm();
  private List<TextForm> items = new ArrayList<>();
  private String atLeast;

  private boolean scored;
  private String scoreId;
  private TextForm score = new TextForm();
  private String scoreMax;
  private String scoreAtLeast;

  private String medicationId;
  private TextForm medication = new TextForm();
  private String dose;
  private String periodAmount;
  private CalendarUnit periodUnit;
  private List<ExceptionForm> exceptions = new ArrayList<>();

  private boolean unlessContraception;
  private List<String> infections = new ArrayList<>();

  private String questionId;
  private TextForm question = new TextForm();
  private Topic topic = Topic.HEALTH_HISTORY;
  private TextForm reason = new TextForm();

  private final List<RuleForm> children = new ArrayList<>();

  /** A kind of a condition that does not count (the exceptions of "condition within"). */
  public static final class ExceptionForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private TextForm label = new TextForm();

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public TextForm getLabel() {
      return label;
    }
  }

  private RuleForm(boolean nested) {
    this.nested = nested;
  }

  /** An empty rule of the criterion, its kind not chosen yet. */
  public static RuleForm empty() {
    return new RuleForm(false);
  }

  static RuleForm emptyNested() {
    return new RuleForm(true);
  }

  public static RuleForm of(Rule rule) {
    return of(rule, false);
  }

  private static RuleForm of(Rule rule, boolean nested) {
    RuleForm f = new RuleForm(nested);
    f.kind = RuleKind.of(rule);
    if (nested && f.kind.isComposite()) {
      f.keptJson = KeptRule.write(rule);
      return f;
    }
    if (rule instanceof AgeRange r) {
      f.minAge = text(r.minYears());
      f.maxAge = text(r.maxYears());
    } else if (rule instanceof SexRule r) {
      f.sex = r.allowed();
    } else if (rule instanceof Diagnosis r) {
      f.fillCondition(r.condition());
      f.present = r.present();
      if (r.confirmedBy() != null) {
        Classification c = r.confirmedBy().classification();
        f.confirmed = true;
        f.classificationId = c.id();
        f.classification = TextForm.of(c.name());
        c.items().forEach(item -> f.items.add(TextForm.of(item)));
        f.atLeast = text(r.confirmedBy().atLeast());
      }
    } else if (rule instanceof DiseaseActivity r) {
      f.fillCondition(r.condition());
      if (r.threshold() != null) {
        Score s = r.threshold().score();
        f.scored = true;
        f.scoreId = s.id();
        f.score = TextForm.of(s.name());
        f.scoreMax = text(s.max());
        f.scoreAtLeast = text(r.threshold().atLeast());
      }
    } else if (rule instanceof MedicationTaken r) {
      f.fillMedication(r.medication(), r.within());
    } else if (rule instanceof MedicationChanged r) {
      f.fillMedication(r.medication(), r.within());
    } else if (rule instanceof MedicationDose r) {
      f.fillMedication(r.medication(), r.within());
      f.dose = BigDecimal.valueOf(r.mgPerKgPerDay()).stripTrailingZeros().toPlainString();
    } else if (rule instanceof ConditionWithin r) {
      f.fillCondition(r.condition());
      f.fillPeriod(r.within());
      for (Subtype s : r.except()) {
        ExceptionForm e = new ExceptionForm();
        e.id = s.id();
        e.label = TextForm.of(s.label());
        f.exceptions.add(e);
      }
    } else if (rule instanceof PregnancyOrBreastfeeding r) {
      f.unlessContraception = r.unlessUsingContraception();
    } else if (rule instanceof PositiveTest r) {
      r.infections().forEach(i -> f.infections.add(i.slug()));
    } else if (rule instanceof SelfReport r) {
      f.questionId = r.id();
      f.question = TextForm.of(r.question());
      f.topic = r.topic();
    } else if (rule instanceof CoordinatorCheck r) {
      f.reason = TextForm.of(r.reason());
    } else if (rule instanceof Or r) {
      r.rules().forEach(child -> f.children.add(of(child, true)));
    } else if (rule instanceof And r) {
      r.rules().forEach(child -> f.children.add(of(child, true)));
    } else if (rule instanceof Not r) {
      f.children.add(of(r.rule(), true));
    } else if (rule instanceof IfThen r) {
      f.children.add(of(r.condition(), true));
      f.children.add(of(r.then(), true));
    }
    return f;
  }

  private void fillCondition(Condition c) {
    conditionId = c.id();
    condition = TextForm.of(c.label());
  }

  private void fillMedication(Medication m, TimeWindow within) {
    medicationId = m.id();
    medication = TextForm.of(m.label());
    fillPeriod(within);
  }

  private void fillPeriod(TimeWindow within) {
    periodAmount = text(within.amount());
    periodUnit = within.unit();
  }

  private static String text(Integer n) {
    return n == null ? null : n.toString();
  }

  // ---- structure ----

  /**
   * Gives a composite the rules its kind needs at least (blank ones to fill in). Called after each
   * submission, once the chosen kind is known.
   */
  void normalize() {
    if (kind != null && kind.isComposite() && !isKept()) {
      while (children.size() < kind.minimumChildren()) {
        children.add(emptyNested());
      }
    }
    children.forEach(RuleForm::normalize);
  }

  /**
   * The rules the page shows under a composite: all for any/all of, one for not, two for if-then.
   */
  public List<RuleForm> getShownChildren() {
    if (kind == null || !kind.isComposite() || isKept()) {
      return List.of();
    }
    return switch (kind) {
      case NOT -> children.subList(0, Math.min(1, children.size()));
      case IF_THEN -> children.subList(0, Math.min(2, children.size()));
      default -> children;
    };
  }

  public boolean isCanAddChild() {
    return kind == RuleKind.ANY_OF || kind == RuleKind.ALL_OF;
  }

  public boolean isCanRemoveChild() {
    return isCanAddChild() && children.size() > kind.minimumChildren();
  }

  public void addChild() {
    children.add(emptyNested());
  }

  public void removeChild(RuleForm child) {
    removeSame(children, child);
  }

  public void addItem() {
    items.add(new TextForm());
  }

  public void removeItem(TextForm item) {
    removeSame(items, item);
  }

  public void addException() {
    exceptions.add(new ExceptionForm());
  }

  public void removeException(ExceptionForm exception) {
    removeSame(exceptions, exception);
  }

  /** Replaces a kept rule by a simple one, its kind to be chosen. */
  public void replace() {
    keptJson = null;
    kind = null;
  }

  static <T> void removeSame(List<T> list, T element) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == element) {
        list.remove(i);
        return;
      }
    }
  }

  public boolean isKept() {
    return keptJson != null;
  }

  /** The kept rule (only when {@link #isKept()}). */
  public Rule getKeptRule() {
    return keptJson == null ? null : KeptRule.read(keptJson);
  }

  /**
   * The kinds the page offers: every kind for a criterion's rule, simple ones inside a composite.
   */
  public List<RuleKind> getKinds() {
    return nested ? RuleKind.simple() : List.of(RuleKind.values());
  }

  // ---- building ----

  /**
   * The rule, or {@code null} with the reasons in {@code errors}. {@code at} is where this rule's
   * inputs are, e.g. {@code criteria:2:} or {@code criteria:2:children:0:}.
   */
  Rule build(Errors errors, String at) {
    if (isKept()) {
      return getKeptRule();
    }
    if (kind == null) {
      errors.add(at + "kind", "criteriaEdit.invalid.kindMissing");
      return null;
    }
    int before = errors.count();
    Rule rule;
    try {
      rule = buildKind(errors, at);
    } catch (IllegalArgumentException e) {
      // The model refused a combination the checks here did not foresee: said on the kind, never
      // lost.
      errors.add(at + "kind", "criteriaEdit.invalid.rule");
      return null;
    }
    return errors.count() > before ? null : rule;
  }

  private Rule buildKind(Errors errors, String at) {
    return switch (kind) {
      case AGE -> age(errors, at);
      case SEX ->
          sex == null
              ? missing(errors, at + "sex", "criteriaEdit.invalid.sexMissing")
              : new SexRule(sex);
      case DIAGNOSIS -> diagnosis(errors, at);
      case DISEASE_ACTIVITY -> diseaseActivity(errors, at);
      case MEDICATION_TAKEN, MEDICATION_CHANGED, MEDICATION_DOSE -> medicationRule(errors, at);
      case CONDITION_WITHIN -> conditionWithin(errors, at);
      case PREGNANCY -> new PregnancyOrBreastfeeding(unlessContraception);
      case POSITIVE_TEST -> positiveTest(errors, at);
      case DIALYSIS -> new Dialysis();
      case ORGAN_TRANSPLANT -> new OrganTransplant();
      case SELF_REPORT -> selfReport(errors, at);
      case COORDINATOR_CHECK -> {
        Text why = reason.toText(errors, at + "reason");
        yield why == null ? null : new CoordinatorCheck(why);
      }
      case ANY_OF, ALL_OF, NOT, IF_THEN -> composite(errors, at);
    };
  }

  private static Rule missing(Errors errors, String field, String key) {
    errors.add(field, key);
    return null;
  }

  private Rule age(Errors errors, String at) {
    Integer min =
        wholeNumber(minAge, 0, MAX_AGE, errors, at + "minAge", "criteriaEdit.invalid.age");
    Integer max =
        wholeNumber(maxAge, 0, MAX_AGE, errors, at + "maxAge", "criteriaEdit.invalid.age");
    if (TextForm.isBlank(minAge) && TextForm.isBlank(maxAge)) {
      errors.add(at + "minAge", "criteriaEdit.invalid.ageNone");
      return null;
    }
    if (min == null && max == null) {
      return null; // both explained above
    }
    if (min != null && max != null && min > max) {
      errors.add(at + "maxAge", "criteriaEdit.invalid.ageOrder", min);
      return null;
    }
    return new AgeRange(min, max);
  }

  private Rule diagnosis(Errors errors, String at) {
    Condition c = condition(errors, at);
    if (!confirmed) {
      return c == null ? null : new Diagnosis(c, present, null);
    }
    if (!present) {
      errors.add(at + "confirmed", "criteriaEdit.invalid.confirmedAbsent");
    }
    String id = Ids.require(classificationId, classification, errors, at + "classificationId");
    Text name = classification.toText(errors, at + "classification");
    List<Text> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      texts.add(items.get(i).toText(errors, at + "items:" + i + ":item"));
    }
    Integer n = null;
    if (items.isEmpty()) {
      errors.add(at + "atLeast", "criteriaEdit.invalid.itemsNone");
    } else if (items.size() > MAX_ITEMS) {
      errors.add(at + "atLeast", "criteriaEdit.invalid.itemsTooMany", MAX_ITEMS);
    } else {
      n =
          wholeNumber(
              atLeast, 1, items.size(), errors, at + "atLeast", "criteriaEdit.invalid.atLeast");
      if (n == null && TextForm.isBlank(atLeast)) {
        errors.add(at + "atLeast", "criteriaEdit.invalid.atLeast", items.size());
      }
    }
    if (c == null || id == null || name == null || n == null || texts.contains(null) || !present) {
      return null;
    }
    return Diagnosis.confirmed(c, new Classification(id, name, texts), n);
  }

  private Rule diseaseActivity(Errors errors, String at) {
    Condition c = condition(errors, at);
    if (!scored) {
      return c == null ? null : new DiseaseActivity(c, null);
    }
    String id = Ids.require(scoreId, score, errors, at + "scoreId");
    Text name = score.toText(errors, at + "score");
    Integer max =
        wholeNumber(
            scoreMax, 1, MAX_SCORE, errors, at + "scoreMax", "criteriaEdit.invalid.scoreMax");
    if (max == null && TextForm.isBlank(scoreMax)) {
      errors.add(at + "scoreMax", "criteriaEdit.invalid.scoreMax", MAX_SCORE);
    }
    Integer threshold = null;
    if (max != null) {
      threshold =
          wholeNumber(
              scoreAtLeast,
              0,
              max,
              errors,
              at + "scoreAtLeast",
              "criteriaEdit.invalid.scoreAtLeast");
      if (threshold == null && TextForm.isBlank(scoreAtLeast)) {
        errors.add(at + "scoreAtLeast", "criteriaEdit.invalid.scoreAtLeast", max);
      }
    }
    if (c == null || id == null || name == null || threshold == null) {
      return null;
    }
    return new DiseaseActivity(
        c, new DiseaseActivity.ScoreThreshold(new Score(id, name, max), threshold));
  }

  private Rule medicationRule(Errors errors, String at) {
    String id = Ids.require(medicationId, medication, errors, at + "medicationId");
    Text label = medication.toText(errors, at + "medication");
    TimeWindow within = period(errors, at);
    Double threshold = kind == RuleKind.MEDICATION_DOSE ? dose(errors, at + "dose") : null;
    if (id == null
        || label == null
        || within == null
        || (kind == RuleKind.MEDICATION_DOSE && threshold == null)) {
      return null;
    }
    Medication m = new Medication(id, label);
    return switch (kind) {
      case MEDICATION_TAKEN -> new MedicationTaken(m, within);
      case MEDICATION_CHANGED -> new MedicationChanged(m, within);
      default -> new MedicationDose(m, threshold, within);
    };
  }

  private Rule conditionWithin(Errors errors, String at) {
    Condition c = condition(errors, at);
    TimeWindow within = period(errors, at);
    List<Subtype> except = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < exceptions.size(); i++) {
      ExceptionForm e = exceptions.get(i);
      String prefix = at + "exceptions:" + i + ":";
      String id = Ids.require(e.id, e.label, errors, prefix + "exceptionId");
      Text label = e.label.toText(errors, prefix + "exception");
      if (id != null && (id.equals(Subtype.OTHER) || id.equals("dont-know"))) {
        errors.add(prefix + "exceptionId", "criteriaEdit.invalid.reserved");
      } else if (id != null && !seen.add(id)) {
        errors.add(prefix + "exceptionId", "criteriaEdit.invalid.duplicate");
      } else if (id != null && label != null) {
        except.add(new Subtype(id, label));
      }
    }
    return c == null || within == null ? null : new ConditionWithin(c, within, except);
  }

  private Rule positiveTest(Errors errors, String at) {
    List<Infection> chosen = new ArrayList<>();
    for (String slug : infections) {
      for (Infection i : Infection.values()) {
        if (i.slug().equals(slug) && !chosen.contains(i)) {
          chosen.add(i);
        }
      }
    }
    if (chosen.isEmpty()) {
      errors.add(at + "infections", "criteriaEdit.invalid.infectionsNone");
      return null;
    }
    return new PositiveTest(chosen);
  }

  private Rule selfReport(Errors errors, String at) {
    String id = Ids.require(questionId, question, errors, at + "questionId");
    Text q = question.toText(errors, at + "question");
    if (topic == null) {
      errors.add(at + "topic", "criteriaEdit.invalid.topicMissing");
    }
    return id == null || q == null || topic == null ? null : new SelfReport(id, q, topic);
  }

  private Rule composite(Errors errors, String at) {
    List<RuleForm> shown = getShownChildren();
    if (shown.size() < kind.minimumChildren()) {
      errors.add(at + "kind", "criteriaEdit.invalid.tooFewRules", kind.minimumChildren());
      return null;
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      rules.add(shown.get(i).build(errors, at + "children:" + i + ":"));
    }
    if (rules.contains(null)) {
      return null;
    }
    return switch (kind) {
      case ANY_OF -> new Or(rules);
      case ALL_OF -> new And(rules);
      case NOT -> new Not(rules.get(0));
      default -> new IfThen(rules.get(0), rules.get(1));
    };
  }

  private Condition condition(Errors errors, String at) {
    String id = Ids.require(conditionId, condition, errors, at + "conditionId");
    Text label = condition.toText(errors, at + "condition");
    return id == null || label == null ? null : new Condition(id, label);
  }

  private TimeWindow period(Errors errors, String at) {
    Integer amount =
        wholeNumber(
            periodAmount,
            1,
            MAX_PERIOD,
            errors,
            at + "periodAmount",
            "criteriaEdit.invalid.period");
    if (TextForm.isBlank(periodAmount)) {
      errors.add(at + "periodAmount", "criteriaEdit.invalid.periodMissing");
    }
    if (periodUnit == null) {
      errors.add(at + "periodUnit", "criteriaEdit.invalid.periodUnit");
    }
    return amount == null || periodUnit == null ? null : new TimeWindow(amount, periodUnit);
  }

  private Double dose(Errors errors, String field) {
    if (TextForm.isBlank(dose)) {
      errors.add(field, "criteriaEdit.invalid.dose");
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(dose.strip().replace(',', '.'));
      if (d.signum() > 0 && d.compareTo(BigDecimal.valueOf(1000)) <= 0) {
        return d.doubleValue();
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    errors.add(field, "criteriaEdit.invalid.dose");
    return null;
  }

  /**
   * A whole number from min to max, null when empty; an error with {@code max} as argument
   * otherwise.
   */
  private static Integer wholeNumber(
      String typed, int min, int max, Errors errors, String field, String key) {
    if (TextForm.isBlank(typed)) {
      return null;
    }
    String s = typed.strip();
    if (s.length() <= 6 && s.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(s);
      if (n >= min && n <= max) {
        return n;
      }
    }
    errors.add(field, key, max);
    return null;
  }

  // ---- properties the page binds ----

  public boolean isNested() {
    return nested;
  }

  public RuleKind getKind() {
    return kind;
  }

  public void setKind(RuleKind kind) {
    this.kind = kind;
  }

  public String getMinAge() {
    return minAge;
  }

  public void setMinAge(String minAge) {
    this.minAge = minAge;
  }

  public String getMaxAge() {
    return maxAge;
  }

  public void setMaxAge(String maxAge) {
    this.maxAge = maxAge;
  }

  public SexRule.Sex getSex() {
    return sex;
  }

  public void setSex(SexRule.Sex sex) {
    this.sex = sex;
  }

  public String getConditionId() {
    return conditionId;
  }

  public void setConditionId(String conditionId) {
    this.conditionId = conditionId;
  }

  public TextForm getCondition() {
    return condition;
  }

  public boolean isPresent() {
    return present;
  }

  public void setPresent(boolean present) {
    this.present = present;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }

  public String getClassificationId() {
    return classificationId;
  }

  public void setClassificationId(String classificationId) {
    this.classificationId = classificationId;
  }

  public TextForm getClassification() {
    return classification;
  }

  public List<TextForm> getItems() {
    return items;
  }

  public String getAtLeast() {
    return atLeast;
  }

  public void setAtLeast(String atLeast) {
    this.atLeast = atLeast;
  }

  public boolean isScored() {
    return scored;
  }

  public void setScored(boolean scored) {
    this.scored = scored;
  }

  public String getScoreId() {
    return scoreId;
  }

  public void setScoreId(String scoreId) {
    this.scoreId = scoreId;
  }

  public TextForm getScore() {
    return score;
  }

  public String getScoreMax() {
    return scoreMax;
  }

  public void setScoreMax(String scoreMax) {
    this.scoreMax = scoreMax;
  }

  public String getScoreAtLeast() {
    return scoreAtLeast;
  }

  public void setScoreAtLeast(String scoreAtLeast) {
    this.scoreAtLeast = scoreAtLeast;
  }

  public String getMedicationId() {
    return medicationId;
  }

  public void setMedicationId(String medicationId) {
    this.medicationId = medicationId;
  }

  public TextForm getMedication() {
    return medication;
  }

  public String getDose() {
    return dose;
  }

  public void setDose(String dose) {
    this.dose = dose;
  }

  public String getPeriodAmount() {
    return periodAmount;
  }

  public void setPeriodAmount(String periodAmount) {
    this.periodAmount = periodAmount;
  }

  public CalendarUnit getPeriodUnit() {
    return periodUnit;
  }

  public void setPeriodUnit(CalendarUnit periodUnit) {
    this.periodUnit = periodUnit;
  }

  public List<ExceptionForm> getExceptions() {
    return exceptions;
  }

  public boolean isUnlessContraception() {
    return unlessContraception;
  }

  public void setUnlessContraception(boolean unlessContraception) {
    this.unlessContraception = unlessContraception;
  }

  public List<String> getInfections() {
    return infections;
  }

  public void setInfections(List<String> infections) {
    this.infections = infections == null ? new ArrayList<>() : new ArrayList<>(infections);
  }

  public String getQuestionId() {
    return questionId;
  }

  public void setQuestionId(String questionId) {
    this.questionId = questionId;
  }

  public TextForm getQuestion() {
    return question;
  }

  public Topic getTopic() {
    return topic;
  }

  public void setTopic(Topic topic) {
    this.topic = topic;
  }

  public TextForm getReason() {
    return reason;
  }
}
