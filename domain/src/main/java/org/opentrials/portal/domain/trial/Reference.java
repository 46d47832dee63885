package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.Clock;
import java.time.Year;
import org.opentrials.portal.domain.shared.Require;

/** A publication behind the trial: title, year, abstract, PubMed id and citation. */
@Embeddable
public class Reference implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "title", length = 1000, nullable = false)
  private String title;

  @Column(name = "publication_year")
  private Integer year;

  @Column(name = "abstract_text", length = 20000)
  private String abstractText;

  @Column(name = "pmid", length = 12)
  private String pmid;

  @Column(name = "citation", length = 2000)
  private String citation;

  @Enumerated(EnumType.STRING)
  @Column(name = "reference_type", length = 12)
  private ReferenceType type;

  protected Reference() {}

  public Reference(
      String title,
      Integer year,
      String abstractText,
      String pmid,
      String citation,
      ReferenceType type,
      Clock clock) {
    this.title = Require.text(title, "reference title", 1000);
    if (year != null && (year < 1800 || year > Year.now(clock).getValue() + 1)) {
      throw new IllegalArgumentException("reference year out of range: " + year);
    }
    this.year = year;
    this.abstractText = Require.optionalText(abstractText, "abstract", 20_000);
    String id = Require.optionalText(pmid, "PMID", 12);
    if (id != null && !id.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("a PMID is a number of up to 9 digits: " + pmid);
    }
    this.pmid = id;
    this.citation = Require.optionalText(citation, "citation", 2000);
    this.type = type;
  }

  public String title() {
    return title;
  }

  public Integer year() {
    return year;
  }

  public String abstractText() {
    return abstractText;
  }

  public String pmid() {
    return pmid;
  }

  public String citation() {
    return citation;
  }

  public ReferenceType type() {
    return type;
  }
}
