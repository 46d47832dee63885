package org.opentrials.portal.domain.testing;

import java.time.Clock;
import java.time.LocalDate;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.NctNumber;

/** A valid site, recruiting, in Charleston, SC unless told otherwise. */
public final class SiteBuilder {
  private NctNumber nct = NctNumber.of("NCT00000001");
  private String slug = "test-site";
  private String facility = "Test Medical Center";
  private String city = "Charleston";
  private String state = "South Carolina";
  private String postalCode = "29425";
  private GeoPoint point = new GeoPoint(32.78, -79.95);
  private SiteStatus status = SiteStatus.RECRUITING;
  private LocalDate verifiedOn;
  private Clock clock = Clock.systemUTC();

  private SiteBuilder() {}

  public static SiteBuilder aSite() {
    return new SiteBuilder();
  }

  public SiteBuilder forTrial(NctNumber trial) {
    this.nct = trial;
    return this;
  }

  public SiteBuilder withSlug(String value) {
    this.slug = value;
    return this;
  }

  public SiteBuilder atFacility(String name) {
    this.facility = name;
    return this;
  }

  /** In a US city; the point is where distances are measured from. */
  public SiteBuilder in(String cityName, String stateName, String zip, GeoPoint at) {
    this.city = cityName;
    this.state = stateName;
    this.postalCode = zip;
    this.point = at;
    return this;
  }

  public SiteBuilder withStatus(SiteStatus value) {
    this.status = value;
    return this;
  }

  /** The status, verified on the given day, as of the clock's today. */
  public SiteBuilder withStatus(SiteStatus value, LocalDate verified, Clock today) {
    this.status = value;
    this.verifiedOn = verified;
    this.clock = today;
    return this;
  }

  public Site build() {
    Site site = new Site(nct, slug, facility, city, state, postalCode, "United States");
    site.locateAt(point);
    site.changeStatus(status, verifiedOn, clock);
    return site;
  }
}
