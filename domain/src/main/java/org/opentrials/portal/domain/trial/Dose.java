package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount given per administration, e.g. 1 x 10^6 cells per kg of body weight. The amount is
 * exact (BigDecimal) so that 5000000 stays 5000000 and can be shown as 5 x 10^6.
 */
@Embeddable
public class Dose implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "dose_amount", precision = 30, scale = 6)
  private BigDecimal amount;

  @Column(name = "dose_unit", length = 40)
  private String unit;

  @Column(name = "dose_per_kg")
  private boolean perKilogram;

  protected Dose() {}

  public Dose(BigDecimal amount, String unit, boolean perKilogram) {
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("a dose amount must be positive");
    }
    if (unit == null || unit.isBlank() || unit.length() > 40) {
      throw new IllegalArgumentException("a dose needs a unit of at most 40 characters");
    }
    this.amount = amount.stripTrailingZeros();
    this.unit = unit.strip();
    this.perKilogram = perKilogram;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String unit() {
    return unit;
  }

  public boolean perKilogram() {
    return perKilogram;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dose d
        && d.amount.compareTo(amount) == 0
        && d.unit.equals(unit)
        && d.perKilogram == perKilogram;
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), unit, perKilogram);
  }
}
