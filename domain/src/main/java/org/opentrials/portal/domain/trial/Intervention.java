package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import org.opentrials.portal.domain.shared.Require;

/** What a treatment group receives: a named product or procedure, optionally with its dose. */
@Embeddable
public class Intervention implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "name", length = 300, nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "intervention_type", length = 30, nullable = false)
  private InterventionType type;

  @Embedded private Dose dose;

  /** How it is given beyond the dose, e.g. "in Plasma-Lyte A solution". */
  @Column(name = "administration", length = 500)
  private String administration;

  protected Intervention() {}

  public Intervention(String name, InterventionType type, Dose dose, String administration) {
    this.name = Require.text(name, "intervention name", 300);
    this.type = Require.present(type, "intervention type");
    this.dose = dose;
    this.administration = Require.optionalText(administration, "administration", 500);
  }

  public String name() {
    return name;
  }

  public InterventionType type() {
    return type;
  }

  /** The dose, or null when the intervention has none (a placebo, a procedure). */
  public Dose dose() {
    return dose;
  }

  public String administration() {
    return administration;
  }
}
