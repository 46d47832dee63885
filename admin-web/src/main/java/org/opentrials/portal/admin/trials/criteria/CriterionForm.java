package org.opentrials.portal.admin.trials.criteria;

import java.io.Serializable;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionType;

/** One criterion as form fields: its short name, inclusion or exclusion, wording and rule. */
public final class CriterionForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private CriterionType type = CriterionType.INCLUSION;
  private TextForm text = new TextForm();
  private RuleForm rule = RuleForm.empty();

  public static CriterionForm of(Criterion c) {
    CriterionForm f = new CriterionForm();
    f.id = c.id();
    f.type = c.type();
    f.text = TextForm.of(c.text());
    f.rule = RuleForm.of(c.rule());
    return f;
  }

  static CriterionForm blank(String id) {
    CriterionForm f = new CriterionForm();
    f.id = id;
    return f;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public CriterionType getType() {
    return type;
  }

  public void setType(CriterionType type) {
    this.type = type;
  }

  public TextForm getText() {
    return text;
  }

  public RuleForm getRule() {
    return rule;
  }
}
