package org.opentrials.portal.admin.trials;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.opentrials.portal.services.content.TrialContentEditing;
import org.opentrials.portal.services.content.TrialForEditing;

/** "My trials": the trials whose content the service says the caller may edit. */
@Named
@RequestScoped
public class TrialsBacking {
  @Inject TrialContentEditing editing;

  private List<TrialForEditing> trials;

  /** An instant to the minute in UTC, as staff read it: 2026-03-04 14:05. */
  public static String minute(java.time.Instant at) {
    return at == null ? null : at.toString().substring(0, 16).replace('T', ' ');
  }

  public String time(java.time.Instant at) {
    return minute(at);
  }

  public List<TrialForEditing> getTrials() {
    if (trials == null) {
      trials = editing.listMyTrials();
    }
    return trials;
  }
}
