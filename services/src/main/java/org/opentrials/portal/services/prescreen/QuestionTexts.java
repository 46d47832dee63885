package org.opentrials.portal.services.prescreen;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Messages;

/**
 * The questions of a trial's pre-screener in English words, by question id: how staff read the
 * answers a visitor sent with a contact request ("How old are you?: 34" rather than "age: 34").
 */
public final class QuestionTexts {
  private QuestionTexts() {}

  /**
   * Question id to its text; empty when the trial has no criteria document or it cannot be read.
   */
  public static Map<String, String> of(String criteriaDocument, Clock clock) {
    if (criteriaDocument == null) {
      return Map.of();
    }
    try {
      Messages english = Messages.english();
      Map<String, String> texts = new HashMap<>();
      for (Question q :
          new PreScreener(clock).questionnaire(CriteriaJson.decode(criteriaDocument)).questions()) {
        texts.put(q.id().value(), english.render(q.text()));
      }
      return Map.copyOf(texts);
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }
}
