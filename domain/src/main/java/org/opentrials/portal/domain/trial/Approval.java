package org.opentrials.portal.domain.trial;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opentrials.portal.domain.shared.Require;

/**
 * A regulator's approval of the tested product outside this trial: in which country, under what
 * name, for which indications. Shown to patients as "approved elsewhere".
 */
@Entity
@Table(name = "approval")
public class Approval {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_seq")
  @SequenceGenerator(name = "approval_seq", sequenceName = "approval_seq", allocationSize = 50)
  private Long id;

  /**
   * The trial's intervention this approval is about, e.g. "High Dose Mesenchymal Stem Cells
   * (MSCs)".
   */
  @Column(name = "subject", length = 300, nullable = false)
  private String subject;

  /** ISO 3166-1 alpha-2 code, e.g. CN. */
  @Column(name = "country_code", length = 2, nullable = false)
  private String countryCode;

  @Column(name = "approved_name", length = 300, nullable = false)
  private String approvedName;

  @ElementCollection
  @CollectionTable(name = "approval_indication", joinColumns = @JoinColumn(name = "approval_id"))
  @OrderColumn(name = "position")
  @Column(name = "indication", length = 300, nullable = false)
  private List<String> indications = new ArrayList<>();

  protected Approval() {}

  public Approval(
      String subject, String countryCode, String approvedName, List<String> indications) {
    this.subject = Require.text(subject, "approval subject", 300);
    String code = Require.text(countryCode, "country code", 2).toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          "country code must be two letters (ISO 3166-1): " + countryCode);
    }
    this.countryCode = code;
    this.approvedName = Require.text(approvedName, "approved name", 300);
    if (indications == null || indications.isEmpty()) {
      throw new IllegalArgumentException("an approval names at least one indication");
    }
    indications.forEach(i -> this.indications.add(Require.text(i, "indication", 300)));
  }

  public String subject() {
    return subject;
  }

  public String countryCode() {
    return countryCode;
  }

  public String approvedName() {
    return approvedName;
  }

  public List<String> indications() {
    return List.copyOf(indications);
  }
}
