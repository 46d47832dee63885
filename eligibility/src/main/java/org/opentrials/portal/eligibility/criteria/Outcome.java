package org.opentrials.portal.eligibility.criteria;

import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.text.Message;

/**
 * A rule's truth with the plain-language reasons that decided it, each naming the visitor's answer
 * ("You said you last took belimumab on 2026-05-01, within the 2 months before screening.").
 */
public record Outcome(Truth truth, List<Message> reasons) {
  public Outcome {
    Objects.requireNonNull(truth, "truth");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("an outcome needs at least one reason");
    }
  }

  public static Outcome of(Truth truth, Message reason) {
    return new Outcome(truth, List.of(reason));
  }
}
