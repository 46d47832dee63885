package org.opentrials.portal.admin.sites;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.sites.EditConflict;
import org.opentrials.portal.services.sites.InvalidSiteUpdate;
import org.opentrials.portal.services.sites.SiteAdministration;
import org.opentrials.portal.services.sites.SiteForm;
import org.opentrials.portal.services.sites.SiteNotFound;
import org.opentrials.portal.services.sites.SiteUpdate;

/**
 * The site edit form, /sites/edit.xhtml?trial=NCT...&site=slug. The trial and site come from the
 * request (view parameters, on GET and on any POST that carries them), so they are not trusted: the
 * service decides on every call whether the caller may open or change that site, and a refusal ends
 * in the not-found page. The version the editor started from stays in this view, on the server.
 */
@Named
@ViewScoped
public class SiteEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  private SiteAdministration sites;

  /** For the container's proxies only (see README, "Injection"). */
  protected SiteEditBacking() {}

  @Inject
  public SiteEditBacking(SiteAdministration sites) {
    this.sites = sites;
  }

  private String trial;
  private String site;

  private SiteForm loaded;
  private SiteStatus status;
  private Integer placesLeft;
  private LocalDate placesLeftUntil;
  private String principalInvestigator;
  private String contactName;
  private String contactPhone;
  private String contactEmail;
  private String reason;
  private List<ConflictRow> conflict = List.of();

  /**
   * One field of a conflict: what is stored now (someone else's save) beside what this editor
   * typed.
   */
  public record ConflictRow(String field, String stored, String yours, boolean differs)
      implements Serializable {}

  /** On GET (f:viewAction): the site's stored values, or not found. */
  public void load() {
    fill(sites.getSiteForEdit(nct(), site));
  }

  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    SiteUpdate update =
        new SiteUpdate(
            trial,
            site,
            loaded.version(),
            status,
            placesLeft,
            placesLeftUntil,
            principalInvestigator,
            contactName,
            contactPhone,
            contactEmail,
            reason);
    try {
      SiteForm before = loaded;
      SiteForm after = sites.updateSite(update);
      long changed = countChanged(before.fieldValues(), after.fieldValues());
      fill(after);
      reason = null;
      faces.addMessage(
          null,
          changed == 0
              ? Texts.info(faces, "siteEdit.savedNothing")
              : Texts.info(faces, "siteEdit.saved", changed));
    } catch (EditConflict e) {
      conflict = rows(e.stored(), e.yours());
      // The next save is made knowingly on top of what is stored now; until then nothing is
      // overwritten.
      loaded = e.stored();
      faces.addMessage(null, Texts.error(faces, "siteEdit.conflict"));
    } catch (InvalidSiteUpdate e) {
      faces.addMessage("edit:" + e.field(), Texts.error(faces, "siteEdit.invalid." + e.field()));
      faces.validationFailed();
    }
  }

  public void confirm() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      fill(sites.confirmStatus(nct(), site));
      faces.addMessage(null, Texts.info(faces, "siteEdit.confirmed"));
    } catch (InvalidSiteUpdate e) {
      faces.addMessage(null, Texts.error(faces, "siteEdit.confirm.noStatus"));
    }
  }

  private NctNumber nct() {
    if (site == null) {
      throw new SiteNotFound(trial + "/" + site);
    }
    return NctNumber.parse(trial).orElseThrow(() -> new SiteNotFound(trial + "/" + site));
  }

  private void fill(SiteForm form) {
    loaded = form;
    status = form.status();
    placesLeft = form.placesLeft();
    placesLeftUntil = form.placesLeftUntil();
    principalInvestigator = form.principalInvestigator();
    contactName = form.contactName();
    contactPhone = form.contactPhone();
    contactEmail = form.contactEmail();
    conflict = List.of();
  }

  private static long countChanged(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream()
        .filter(k -> !Objects.equals(before.get(k), after.get(k)))
        .count();
  }

  private static List<ConflictRow> rows(SiteForm stored, SiteUpdate yours) {
    Map<String, String> theirs = stored.fieldValues();
    Map<String, String> mine = yours.fieldValues();
    List<ConflictRow> rows = new ArrayList<>();
    for (String field : theirs.keySet()) {
      rows.add(
          new ConflictRow(
              field,
              theirs.get(field),
              mine.get(field),
              !Objects.equals(theirs.get(field), mine.get(field))));
    }
    return List.copyOf(rows);
  }

  public SiteStatus[] getStatuses() {
    return SiteStatus.values();
  }

  public SiteForm getLoaded() {
    return loaded;
  }

  public List<ConflictRow> getConflict() {
    return conflict;
  }

  public boolean isInConflict() {
    return !conflict.isEmpty();
  }

  public String getTrial() {
    return trial;
  }

  public void setTrial(String trial) {
    this.trial = trial;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public SiteStatus getStatus() {
    return status;
  }

  public void setStatus(SiteStatus status) {
    this.status = status;
  }

  public Integer getPlacesLeft() {
    return placesLeft;
  }

  public void setPlacesLeft(Integer placesLeft) {
    this.placesLeft = placesLeft;
  }

  public LocalDate getPlacesLeftUntil() {
    return placesLeftUntil;
  }

  public void setPlacesLeftUntil(LocalDate placesLeftUntil) {
    this.placesLeftUntil = placesLeftUntil;
  }

  public String getPrincipalInvestigator() {
    return principalInvestigator;
  }

  public void setPrincipalInvestigator(String principalInvestigator) {
    this.principalInvestigator = principalInvestigator;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String contactPhone) {
    this.contactPhone = contactPhone;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
