package org.opentrials.portal.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.shared.Require;
import org.opentrials.portal.domain.trial.NctNumber;

/**
 * A place where a trial enrols people. Investigators keep its status, places left and contact
 * current, so it is an aggregate of its own that refers to its trial by NCT number. A site may be
 * known only by its city (as some listings give it); facility and address are then empty.
 */
@Entity
@Table(name = "site", uniqueConstraints = @UniqueConstraint(columnNames = {"nct_id", "slug"}))
public class Site {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "site_seq")
  @SequenceGenerator(name = "site_seq", sequenceName = "site_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "nct_id", length = 11, nullable = false, updatable = false)
  private NctNumber nctId;

  /** The site's part of its public URL, unique within the trial: /trials/{nct}/sites/{slug}. */
  @Column(name = "slug", length = 80, nullable = false, updatable = false)
  private String slug;

  @Column(name = "facility", length = 300)
  private String facility;

  @Column(name = "city", length = 120, nullable = false)
  private String city;

  @Column(name = "state", length = 120)
  private String state;

  @Column(name = "postal_code", length = 20)
  private String postalCode;

  @Column(name = "country", length = 120)
  private String country;

  @Column(name = "latitude")
  private Double latitude;

  @Column(name = "longitude")
  private Double longitude;

  /** Where {@link #location()} comes from; null when the site has none or it was never recorded. */
  @Enumerated(EnumType.STRING)
  @Column(name = "location_source", length = 10)
  private LocationSource locationSource;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 30)
  private SiteStatus status;

  @Column(name = "status_verified_on")
  private LocalDate statusVerifiedOn;

  @Column(name = "places_left")
  private Integer placesLeft;

  @Column(name = "places_left_until")
  private LocalDate placesLeftUntil;

  @Column(name = "principal_investigator", length = 200)
  private String principalInvestigator;

  @Embedded private SiteContact contact;

  /** The study's name as this site shows it, when it differs from the registry title. */
  @Column(name = "display_title", length = 1000)
  private String displayTitle;

  protected Site() {}

  public Site(
      NctNumber nctId,
      String slug,
      String facility,
      String city,
      String state,
      String postalCode,
      String country) {
    this.nctId = Require.present(nctId, "NCT number");
    this.slug = slug(Require.text(slug, "site slug", 80));
    this.facility = Require.optionalText(facility, "facility", 300);
    relocate(city, state, postalCode, country);
  }

  /**
   * Makes a URL-safe slug of a facility or city name: "Cedars-Sinai Medical Center" ->
   * "cedars-sinai-medical-center".
   */
  public static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (s.isEmpty()) {
      throw new IllegalArgumentException("a site slug needs letters or digits: " + name);
    }
    return s.length() > 80 ? s.substring(0, 80).replaceAll("-$", "") : s;
  }

  public void relocate(String city, String state, String postalCode, String country) {
    this.city = Require.text(city, "city", 120);
    this.state = Require.optionalText(state, "state", 120);
    this.postalCode = Require.optionalText(postalCode, "postal code", 20);
    this.country = Require.optionalText(country, "country", 120);
  }

  public void locateAt(GeoPoint point) {
    locateAt(point, null);
  }

  /** Places the site at {@code point}, saying where the point comes from. */
  public void locateAt(GeoPoint point, LocationSource source) {
    this.latitude = point == null ? null : point.latitude();
    this.longitude = point == null ? null : point.longitude();
    this.locationSource = point == null ? null : source;
  }

  /**
   * @param clock today's date, for the rule that a status cannot be verified later than tomorrow
   *     (tomorrow: a site team a time zone ahead may already be there)
   */
  public void changeStatus(SiteStatus status, LocalDate verifiedOn, Clock clock) {
    if (verifiedOn != null && verifiedOn.isAfter(LocalDate.now(clock).plusDays(1))) {
      throw new IllegalArgumentException("a status cannot be verified in the future");
    }
    this.status = status;
    this.statusVerifiedOn = verifiedOn;
  }

  /** Records that the site's status was checked today and is unchanged. */
  public void confirmStatus(Clock clock) {
    changeStatus(status, LocalDate.now(clock), clock);
  }

  public void changePlaces(Integer placesLeft, LocalDate until) {
    this.placesLeft = Require.nonNegative(placesLeft, "places left");
    this.placesLeftUntil = until;
  }

  public void changePeople(String principalInvestigator, SiteContact contact) {
    this.principalInvestigator =
        Require.optionalText(principalInvestigator, "principal investigator", 200);
    this.contact = contact;
  }

  public void retitle(String displayTitle) {
    this.displayTitle = Require.optionalText(displayTitle, "display title", 1000);
  }

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public NctNumber nctId() {
    return nctId;
  }

  public String slug() {
    return slug;
  }

  public String facility() {
    return facility;
  }

  public String city() {
    return city;
  }

  public String state() {
    return state;
  }

  public String postalCode() {
    return postalCode;
  }

  public String country() {
    return country;
  }

  public Optional<GeoPoint> location() {
    return latitude == null || longitude == null
        ? Optional.empty()
        : Optional.of(new GeoPoint(latitude, longitude));
  }

  public LocationSource locationSource() {
    return locationSource;
  }

  public SiteStatus status() {
    return status;
  }

  public LocalDate statusVerifiedOn() {
    return statusVerifiedOn;
  }

  public Integer placesLeft() {
    return placesLeft;
  }

  public LocalDate placesLeftUntil() {
    return placesLeftUntil;
  }

  public String principalInvestigator() {
    return principalInvestigator;
  }

  public SiteContact contact() {
    return contact;
  }

  public String displayTitle() {
    return displayTitle;
  }

  /**
   * What a visitor reads as the site's name: the facility, or the city where only that is known.
   */
  public String displayName() {
    return facility != null ? facility : city;
  }
}
