package org.opentrials.portal.eligibility.answers;

import java.util.Optional;

/**
 * Units a visitor may choose when giving an amount. Each unit converts to the base unit of its
 * dimension: kilograms for body weight, milligrams for a dose.
 */
public enum Unit {
  KG("kg", Dimension.BODY_WEIGHT, 1.0),
  /** The international avoirdupois pound: exactly 0.45359237 kg. */
  LB("lb", Dimension.BODY_WEIGHT, 0.45359237),
  MG("mg", Dimension.DOSE, 1.0);

  /** What an amount measures; only units of the same dimension convert into each other. */
  public enum Dimension {
    BODY_WEIGHT,
    DOSE
  }

  private final String symbol;
  private final Dimension dimension;
  private final double baseUnitsPerUnit;

  Unit(String symbol, Dimension dimension, double baseUnitsPerUnit) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.baseUnitsPerUnit = baseUnitsPerUnit;
  }

  /** The symbol, as typed in forms and JSON: "kg", "lb", "mg". */
  public String symbol() {
    return symbol;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** The amount in the base unit of this unit's dimension (kg or mg). */
  public double toBase(double amount) {
    return amount * baseUnitsPerUnit;
  }

  /** An amount in the base unit, expressed in this unit. */
  public double fromBase(double baseAmount) {
    return baseAmount / baseUnitsPerUnit;
  }

  /** The unit with this symbol, ignoring case and surrounding blanks. */
  public static Optional<Unit> bySymbol(String symbol) {
    if (symbol == null) {
      return Optional.empty();
    }
    String s = symbol.strip();
    for (Unit u : values()) {
      if (u.symbol.equalsIgnoreCase(s)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }
}
