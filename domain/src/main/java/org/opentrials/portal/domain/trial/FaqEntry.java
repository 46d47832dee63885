package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import org.opentrials.portal.domain.shared.Require;

/** A question a patient asks about the trial with the sponsor's plain-language answer. */
@Embeddable
public class FaqEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "question", length = 500, nullable = false)
  private String question;

  @Column(name = "answer", length = 20000, nullable = false)
  private String answer;

  protected FaqEntry() {}

  public FaqEntry(String question, String answer) {
    this.question = Require.text(question, "question", 500);
    this.answer = Require.text(answer, "answer", 20_000);
  }

  public String question() {
    return question;
  }

  public String answer() {
    return answer;
  }
}
