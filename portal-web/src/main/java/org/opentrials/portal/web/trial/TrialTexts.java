package org.opentrials.portal.web.trial;

import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.services.trials.TrialPageView;
import org.opentrials.portal.services.trials.TrialPageView.LocalText;

/**
 * A trial's texts in the page's language: on a Spanish page, what sponsor staff wrote in Spanish,
 * else the English text with {@code lang="en"} so that a screen reader pronounces it as English.
 * Each text's {@link Shown#lang()} is null when it is in the page's language (the element then
 * needs no {@code lang}). The registry's own texts (its summary, its criteria) are English.
 */
public final class TrialTexts {
  private static final String ENGLISH = "en";
  private static final String SPANISH = "es";

  private final TrialPageView trial;
  private final boolean spanish;

  public TrialTexts(TrialPageView trial, String pageLanguage) {
    this.trial = trial;
    this.spanish = SPANISH.equals(pageLanguage);
  }

  /** A text to show and the language to mark it with, null when it is the page's language. */
  public record Shown(String text, String lang) {
    public boolean isEmpty() {
      return text == null || text.isEmpty();
    }
  }

  /** An FAQ entry to show; question and answer are in the same language. */
  public record ShownFaq(String question, String answer, String lang, List<Integer> references) {}

  private TrialPageView.Spanish es() {
    return trial.spanish() == null ? TrialPageView.Spanish.NONE : trial.spanish();
  }

  private Shown choose(String spanishText, String englishText) {
    if (!spanish || englishText == null && spanishText == null) {
      return new Shown(englishText, null);
    }
    return spanishText != null ? new Shown(spanishText, null) : new Shown(englishText, ENGLISH);
  }

  /** A text only the registry writes, in English. */
  private Shown english(String text) {
    return new Shown(text, spanish ? ENGLISH : null);
  }

  public Shown getTitle() {
    return choose(es().briefTitle(), trial.briefTitle());
  }

  public Shown getPlainSummary() {
    return choose(es().plainSummary(), trial.plainSummary());
  }

  /**
   * The summary the page shows: the sponsor's plain one (in Spanish where written), else the
   * registry's.
   */
  public Shown getSummary() {
    Shown plain = getPlainSummary();
    return plain.text() != null ? plain : english(trial.briefSummary());
  }

  /** The language to mark the registry's English texts with: "en" on a Spanish page, else null. */
  public String getEnglishMark() {
    return spanish ? ENGLISH : null;
  }

  public Shown getBriefSummary() {
    return english(trial.briefSummary());
  }

  public Shown getGroupsSummary() {
    return choose(es().groupsSummary(), trial.groupsSummary());
  }

  public Shown getEligibilitySummary() {
    return choose(es().eligibilitySummary(), trial.eligibilitySummary());
  }

  /** The Spanish FAQ on a Spanish page when there is one, else the English FAQ. */
  public List<ShownFaq> getFaq() {
    if (spanish && !es().faq().isEmpty()) {
      return es().faq().stream()
          .map(f -> new ShownFaq(f.question(), f.answer(), null, f.references()))
          .toList();
    }
    String lang = spanish ? ENGLISH : null;
    return trial.faq().stream()
        .map(f -> new ShownFaq(f.question(), f.answer(), lang, f.references()))
        .toList();
  }

  public Shown groupLabel(int index) {
    return choose(es().group(index).label(), trial.groups().get(index).label());
  }

  public Shown groupDescription(int index) {
    return choose(es().group(index).description(), trial.groups().get(index).description());
  }

  /**
   * Whether the criteria listed are the structured ones in Spanish: on a Spanish page, when the
   * pre-screener's criteria have Spanish wording; else the registry's, in English.
   */
  public boolean isStructuredCriteria() {
    return spanish
        && (es().inclusion().stream().anyMatch(t -> SPANISH.equals(t.language()))
            || es().exclusion().stream().anyMatch(t -> SPANISH.equals(t.language())));
  }

  public List<Shown> getInclusion() {
    return criteria(es().inclusion(), trial.inclusion());
  }

  public List<Shown> getExclusion() {
    return criteria(es().exclusion(), trial.exclusion());
  }

  public List<Shown> getKeyInclusion() {
    return trial.keyInclusion().stream().map(this::english).toList();
  }

  public List<Shown> getKeyExclusion() {
    return trial.keyExclusion().stream().map(this::english).toList();
  }

  private List<Shown> criteria(List<LocalText> structured, List<String> registry) {
    if (!isStructuredCriteria()) {
      return registry.stream().map(this::english).toList();
    }
    List<Shown> shown = new ArrayList<>();
    for (LocalText t : structured) {
      shown.add(new Shown(t.text(), SPANISH.equals(t.language()) ? null : ENGLISH));
    }
    return shown;
  }
}
