package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;
import org.opentrials.portal.domain.shared.Require;

/** What is known about the product's safety, in plain language, as of a date. */
@Embeddable
public class SafetySummary implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "summary", length = 20000, nullable = false)
  private String text;

  @Column(name = "as_of", nullable = false)
  private LocalDate asOf;

  protected SafetySummary() {}

  public SafetySummary(String text, LocalDate asOf) {
    this.text = Require.text(text, "safety summary", 20_000);
    this.asOf = Require.present(asOf, "as-of date");
  }

  public String text() {
    return text;
  }

  public LocalDate asOf() {
    return asOf;
  }
}
