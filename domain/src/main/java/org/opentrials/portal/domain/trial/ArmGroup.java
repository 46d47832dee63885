package org.opentrials.portal.domain.trial;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.domain.shared.Require;

/** A treatment group of a trial ("Group I: Low Dose MSCs", experimental) and what it receives. */
@Entity
@Table(name = "arm_group")
public class ArmGroup {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "arm_group_seq")
  @SequenceGenerator(name = "arm_group_seq", sequenceName = "arm_group_seq", allocationSize = 50)
  private Long id;

  @Column(name = "label", length = 300, nullable = false)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(name = "arm_type", length = 30)
  private ArmGroupType type;

  @Column(name = "description", length = 2000)
  private String description;

  @Column(name = "label_es", length = 300)
  private String labelEs;

  @Column(name = "description_es", length = 2000)
  private String descriptionEs;

  @ElementCollection
  @CollectionTable(name = "arm_intervention", joinColumns = @JoinColumn(name = "arm_group_id"))
  @OrderColumn(name = "position")
  private List<Intervention> interventions = new ArrayList<>();

  protected ArmGroup() {}

  public ArmGroup(
      String label, ArmGroupType type, String description, List<Intervention> interventions) {
    this.label = Require.text(label, "group label", 300);
    this.type = type;
    this.description = Require.optionalText(description, "group description", 2000);
    this.interventions.addAll(Require.present(interventions, "interventions"));
  }

  /** Sets the Spanish label and description; either may be null (shown in English). */
  void translate(SpanishTexts.GroupText spanish) {
    this.labelEs = spanish.label();
    this.descriptionEs = spanish.description();
  }

  /**
   * Keeps the Spanish texts sponsor staff wrote for the group this one replaces (a re-import that
   * rebuilds the groups: the same group, by its label, keeps its translation).
   */
  public void keepSpanishOf(ArmGroup previous) {
    if (previous != null) {
      translate(previous.spanish());
    }
  }

  SpanishTexts.GroupText spanish() {
    return new SpanishTexts.GroupText(labelEs, descriptionEs);
  }

  public Long id() {
    return id;
  }

  public String label() {
    return label;
  }

  public ArmGroupType type() {
    return type;
  }

  public String description() {
    return description;
  }

  public List<Intervention> interventions() {
    return List.copyOf(interventions);
  }
}
