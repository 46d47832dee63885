package org.opentrials.portal.admin.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.services.audit.AuditEntryView;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.ChainVerification;

/**
 * The audit page, /audit/: the filter is a plain GET form (bookmarkable, changes nothing); "Verify
 * chain" is a POST, as it is a costly walk of the whole trail. The service refuses anyone but an
 * administrator, whatever web.xml lets through.
 */
@Named
@RequestScoped
public class AuditBacking {
  /** How many entries the page lists; the export has all of them. */
  static final int PAGE = 200;

  private AuditTrail audit;
  private FacesContext faces;

  /** For the container's proxies only (see README, "Injection"). */
  protected AuditBacking() {}

  @Inject
  public AuditBacking(AuditTrail audit, FacesContext faces) {
    this.audit = audit;
    this.faces = faces;
  }

  private List<AuditEntryView> entries;
  private ChainVerification verification;
  private AuditQuery query;

  /**
   * Before rendering (f:viewAction), so that a message about the filter shows above the results.
   */
  public void load() {
    getEntries();
  }

  public List<AuditEntryView> getEntries() {
    if (entries == null) {
      Optional<AuditFilter> filter = getQuery().filter();
      if (filter.isEmpty()) {
        faces.addMessage(null, Texts.error(faces, "audit.filter.invalid"));
        entries = List.of();
      } else {
        entries = audit.find(filter.get(), PAGE);
      }
    }
    return entries;
  }

  public void verify() {
    verification = audit.verify();
  }

  public AuditQuery getQuery() {
    if (query == null) {
      query = AuditQuery.of(faces.getExternalContext().getRequestParameterMap());
    }
    return query;
  }

  public String getExportQuery() {
    String q = getQuery().queryString();
    return q.isEmpty() ? "" : "?" + q;
  }

  public boolean isPageFull() {
    return getEntries().size() >= PAGE;
  }

  public int getPageSize() {
    return PAGE;
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public ChainVerification getVerification() {
    return verification;
  }
}
