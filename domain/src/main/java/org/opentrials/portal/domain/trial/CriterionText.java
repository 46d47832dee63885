package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import org.opentrials.portal.domain.shared.Require;

/**
 * One inclusion or exclusion criterion as people read it: the patient-facing wording ("I am between
 * 18 and 65 years old."), optionally the registry's clinical wording, and whether a site shows it
 * among its key criteria. The structured rule behind it belongs to the eligibility model.
 */
@Embeddable
public class CriterionText implements Serializable {
  private static final long serialVersionUID = 1L;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 10, nullable = false)
  private CriterionKind kind;

  @Column(name = "patient_text", length = 1000, nullable = false)
  private String patientText;

  @Column(name = "clinical_text", length = 1000)
  private String clinicalText;

  @Column(name = "key_criterion", nullable = false)
  private boolean key;

  protected CriterionText() {}

  public CriterionText(CriterionKind kind, String patientText, String clinicalText, boolean key) {
    this.kind = Require.present(kind, "criterion kind");
    this.patientText = Require.text(patientText, "criterion wording", 1000);
    this.clinicalText = Require.optionalText(clinicalText, "clinical wording", 1000);
    this.key = key;
  }

  public CriterionKind kind() {
    return kind;
  }

  public String patientText() {
    return patientText;
  }

  /** The registry's wording, or the patient wording where the registry has none. */
  public String clinicalText() {
    return clinicalText != null ? clinicalText : patientText;
  }

  public boolean key() {
    return key;
  }
}
