package org.opentrials.portal.admin.trials.criteria;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A sponsor text (a criterion's wording, a medication's name) as two inputs: English, required, and
 * Spanish, optional. Languages the form does not show are kept as they were.
 */
public final class TextForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String SPANISH = "es";

  private String en;
  private String es;
  private final TreeMap<String, String> others = new TreeMap<>();

  public TextForm() {}

  public static TextForm of(Text text) {
    TextForm f = new TextForm();
    if (text != null) {
      for (Map.Entry<String, String> e : text.byLanguage().entrySet()) {
        switch (e.getKey()) {
          case Text.DEFAULT_LANGUAGE -> f.en = e.getValue();
          case SPANISH -> f.es = e.getValue();
          default -> f.others.put(e.getKey(), e.getValue());
        }
      }
    }
    return f;
  }

  public static TextForm of(String en, String es) {
    TextForm f = new TextForm();
    f.en = en;
    f.es = es;
    return f;
  }

  /**
   * The text, or {@code null} with an error on {@code prefix + "En"} when the English is missing.
   */
  Text toText(Errors errors, String prefix) {
    if (isBlank(en)) {
      errors.add(prefix + "En", "criteriaEdit.invalid.englishMissing");
      return null;
    }
    TreeMap<String, String> all = new TreeMap<>(others);
    all.put(Text.DEFAULT_LANGUAGE, en);
    if (!isBlank(es)) {
      all.put(SPANISH, es);
    }
    return new Text(all);
  }

  boolean hasEnglish() {
    return !isBlank(en);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public String getEn() {
    return en;
  }

  public void setEn(String en) {
    this.en = en;
  }

  public String getEs() {
    return es;
  }

  public void setEs(String es) {
    this.es = es;
  }
}
