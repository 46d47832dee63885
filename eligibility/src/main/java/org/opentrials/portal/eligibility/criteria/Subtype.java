package org.opentrials.portal.eligibility.criteria;

import java.util.Objects;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A kind of a condition, such as basal cell carcinoma as a kind of cancer; used for the exceptions
 * of {@link ConditionWithin}. The id is the option value of the "which kind" question.
 */
public record Subtype(String id, Text label) {
  /** Option value of the catch-all "another kind" answer; reserved. */
  public static final String OTHER = "other";

  public Subtype {
    Slugs.require(id, "kind id");
    Objects.requireNonNull(label, "kind label");
    if (id.equals(OTHER) || id.equals("dont-know")) {
      throw new IllegalArgumentException("kind id \"" + id + "\" is reserved");
    }
  }
}
