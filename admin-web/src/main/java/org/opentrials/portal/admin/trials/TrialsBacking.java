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

  public List<TrialForEditing> getTrials() {
    if (trials == null) {
      trials = editing.listMyTrials();
    }
    return trials;
  }
}
