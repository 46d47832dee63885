package org.opentrials.portal.eligibility.questions;

import java.util.Objects;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Slugs;

/** One option of a choice question: the value posted by the form and its label. */
public record Option(String value, Message label) {
  public Option {
    Slugs.require(value, "option value");
    Objects.requireNonNull(label, "label");
  }
}
