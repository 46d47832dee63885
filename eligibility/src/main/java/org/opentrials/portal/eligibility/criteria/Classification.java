package org.opentrials.portal.eligibility.criteria;

import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A published set of classification criteria that confirm a diagnosis, such as the 11 ACR 1997
 * criteria for lupus, with the patient-facing label of each item. The visitor is asked how many of
 * the items they have ever had; the threshold ("at least 4") belongs to the trial's rule, so trials
 * with different thresholds share the question.
 */
public final class Classification {
  private final String id;
  private final Text name;
  private final List<Text> items;
  private final QuestionId countId;

  public Classification(String id, Text name, List<Text> items) {
    this.id = Slugs.require(id, "classification id");
    this.name = Objects.requireNonNull(name, "classification name");
    this.items = List.copyOf(items);
    if (this.items.isEmpty() || this.items.size() > 50) {
      throw new IllegalArgumentException(
          "classification " + id + " needs 1 to 50 items, but has " + this.items.size());
    }
    this.countId = QuestionId.of("classification." + id + ".count");
  }

  public String id() {
    return id;
  }

  /** E.g. "the 1997 American College of Rheumatology (ACR) classification criteria for lupus". */
  public Text name() {
    return name;
  }

  public List<Text> items() {
    return items;
  }

  /** "How many of these have you ever had?" */
  public QuestionId countId() {
    return countId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Classification c
        && c.id.equals(id)
        && c.name.equals(name)
        && c.items.equals(items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, items);
  }

  @Override
  public String toString() {
    return "Classification[" + id + ", " + items.size() + " items]";
  }
}
