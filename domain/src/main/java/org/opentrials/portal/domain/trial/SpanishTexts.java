package org.opentrials.portal.domain.trial;

import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.domain.shared.Require;

/**
 * The Spanish versions of a trial's patient-facing texts, written by sponsor staff next to the
 * English ones: title, summaries, FAQ, and each treatment group's label and description (by the
 * group's position). Any text left empty is shown in English on a Spanish page, marked as English.
 * The structured criteria carry their own Spanish wording (see the eligibility module's texts).
 */
public record SpanishTexts(
    String briefTitle,
    String plainSummary,
    String groupsSummary,
    String eligibilitySummary,
    List<FaqEntry> faq,
    List<GroupText> groups) {

  /** No Spanish text at all. */
  public static final SpanishTexts NONE =
      new SpanishTexts(null, null, null, null, List.of(), List.of());

  public SpanishTexts {
    briefTitle = Require.optionalText(briefTitle, "Spanish title", 300);
    plainSummary =
        Require.optionalText(plainSummary, "Spanish plain-language summary", TrialContent.MAX_TEXT);
    groupsSummary =
        Require.optionalText(groupsSummary, "Spanish groups summary", TrialContent.MAX_TEXT);
    eligibilitySummary =
        Require.optionalText(
            eligibilitySummary, "Spanish eligibility summary", TrialContent.MAX_TEXT);
    faq = List.copyOf(Require.present(faq, "Spanish FAQ entries"));
    if (faq.size() > TrialContent.MAX_ITEMS) {
      throw new IllegalArgumentException("more than " + TrialContent.MAX_ITEMS + " FAQ entries");
    }
    // Trailing groups without Spanish text are not kept: equal content has one representation.
    List<GroupText> kept = new ArrayList<>(Require.present(groups, "Spanish group texts"));
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
      kept.remove(kept.size() - 1);
    }
    groups = List.copyOf(kept);
  }

  /** The Spanish texts of the group at {@code index} (from 0), empty when there are none. */
  public GroupText group(int index) {
    return index < groups.size() ? groups.get(index) : GroupText.NONE;
  }

  /** A treatment group's label and description in Spanish; either may be missing. */
  public record GroupText(String label, String description) {
    public static final GroupText NONE = new GroupText(null, null);

    public GroupText {
      label = Require.optionalText(label, "Spanish group label", 300);
      description = Require.optionalText(description, "Spanish group description", 2000);
    }

    public boolean isEmpty() {
      return label == null && description == null;
    }
  }
}
