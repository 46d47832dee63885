package org.opentrials.portal.eligibility.criteria;

/**
 * Whether a criterion's rule must hold (inclusion) or must not hold (exclusion) for the visitor to
 * meet it.
 */
public enum CriterionType {
  INCLUSION("inclusion"),
  EXCLUSION("exclusion");

  private final String slug;

  CriterionType(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static CriterionType bySlug(String slug) {
    for (CriterionType t : values()) {
      if (t.slug.equals(slug)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown criterion type \"" + slug + "\" (expected inclusion or exclusion)");
  }
}
