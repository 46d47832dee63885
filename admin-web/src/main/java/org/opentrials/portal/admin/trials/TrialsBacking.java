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
  private TrialContentEditing editing;

  /** For the container's proxies only (see README, "Injection"). */
  protected TrialsBacking() {}

  @Inject
  public TrialsBacking(TrialContentEditing editing) {
    this.editing = editing;
  }

  private List<TrialForEditing> trials;

  /** When a draft was saved, to the minute in UTC. */
  public String time(java.time.Instant at) {
    return org.opentrials.portal.admin.support.Times.minuteUtc(at);
  }

  public List<TrialForEditing> getTrials() {
    if (trials == null) {
      trials = editing.listMyTrials();
    }
    return trials;
  }
}
