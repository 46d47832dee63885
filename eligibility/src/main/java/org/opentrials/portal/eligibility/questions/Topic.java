package org.opentrials.portal.eligibility.questions;

import org.opentrials.portal.eligibility.text.Message;

/** What a question is about; steps group questions by topic, in this order. */
public enum Topic {
  ABOUT_YOU("about-you"),
  DIAGNOSIS("diagnosis"),
  TREATMENT("treatment"),
  HEALTH_HISTORY("health-history");

  private final String slug;

  Topic(String slug) {
    this.slug = slug;
  }

  /** The name used in criteria JSON and message keys, e.g. "health-history". */
  public String slug() {
    return slug;
  }

  /** Title of a step about this topic, e.g. "Your medicines". */
  public Message title() {
    return Message.of("step." + slug);
  }

  public static Topic bySlug(String slug) {
    for (Topic t : values()) {
      if (t.slug.equals(slug)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown topic \""
            + slug
            + "\" (expected about-you, diagnosis, treatment or health-history)");
  }
}
