package org.opentrials.portal.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.opentrials.portal.services.trials.TrialPages;
import org.opentrials.portal.services.trials.TrialSummaryView;

/** The home page: the published trials. */
@Named
@RequestScoped
public class SearchBacking {
  @Inject TrialPages trialPages;

  private List<TrialSummaryView> results;

  public List<TrialSummaryView> getResults() {
    if (results == null) {
      results = trialPages.listPublished();
    }
    return results;
  }
}
