package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.LocationSource;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.services.geo.Gazetteer;

/**
 * US sites that the registry lists without a geoPoint are placed from the offline gazetteer at
 * import, so that they sort by distance like the others; elsewhere they are not guessed at.
 */
class SiteGeoFallbackTest {
  private final StudyMerger merger = new StudyMerger(Registry.CLOCK);
  private final String nct = StudyJson.nct(88);
  private final Gazetteer gazetteer = Gazetteer.shared();

  @Test
  void aUsAddressWithoutAGeoPointIsPlacedAtItsZipCodeOrElseItsCity() {
    StudyMerger.Merge m =
        merger.merge(
            Registry.study(
                StudyJson.study(nct)
                    .addressOnly(
                        "Cedars-Sinai Medical Center",
                        "Los Angeles",
                        "California",
                        "90048",
                        "United States")
                    .addressOnly(
                        "Medical University of South Carolina",
                        "Charleston",
                        "South Carolina",
                        null,
                        "United States")
                    .addressOnly(
                        "Clinic With A Typo", "Chicago", "Illinois", "29425", "United States")
                    .addressOnly("Hospital Vall d'Hebron", "Barcelona", null, "08035", "Spain")
                    .addressOnly("Nowhere Clinic", "Atlantis", "Ohio", null, "United States")
                    .json()),
            null,
            List.of());

    List<Site> sites = m.addedSites();
    assertThat(sites.get(0).location())
        .contains(gazetteer.findByZip("90048").orElseThrow().point());
    assertThat(sites.get(1).location())
        .contains(gazetteer.findByCity("Charleston", "SC").orElseThrow().point());
    // 29425 is in Charleston SC, not in Illinois: the city in the stated state is taken instead.
    assertThat(sites.get(2).location())
        .contains(gazetteer.findByCity("Chicago", "IL").orElseThrow().point());
    assertThat(sites.get(3).location()).isEmpty();
    assertThat(sites.get(4).location()).isEmpty();
    assertThat(m.warnings())
        .filteredOn(w -> w.contains("gazetteer"))
        .singleElement()
        .asString()
        .contains("locations[4]", "Atlantis, Ohio")
        // A site without a ZIP code says so, never "ZIP code null".
        .contains("no geoPoint; no ZIP code, and the gazetteer does not know Atlantis, Ohio")
        .doesNotContain("null");
    assertThat(sites)
        .extracting(Site::locationSource)
        .containsExactly(LocationSource.ZIP, LocationSource.CITY, LocationSource.CITY, null, null);

    GeoPoint visitorInSantaMonica = gazetteer.findByZip("90401").orElseThrow().point();
    assertThat(sites.get(0).location().orElseThrow().distanceMilesTo(visitorInSantaMonica))
        .isLessThan(10);
  }

  @Test
  void theZipCodesCentroidWinsOverTheRegistrysCityPointAndAMovedAddressIsPlacedAgain() {
    StudyMerger.Merge first =
        merger.merge(
            Registry.study(
                StudyJson.study(nct)
                    .location("Research Site", "Boston", "02115", "RECRUITING")
                    .json()),
            null,
            List.of());
    List<Site> sites = new ArrayList<>(first.addedSites());
    // The registry's geo point is its city's; the site's own ZIP code says more.
    assertThat(sites.get(0).location()).isEqualTo(gazetteer.findByZip("02115").map(p -> p.point()));
    assertThat(sites.get(0).locationSource()).isEqualTo(LocationSource.ZIP);

    // The next record leaves the point out: the site stays at its ZIP code.
    merger.merge(
        Registry.study(
            StudyJson.study(nct)
                .addressOnly("Research Site", "Boston", null, "02115", "United States")
                .json()),
        first.trial(),
        sites);
    assertThat(sites.get(0).location()).isEqualTo(gazetteer.findByZip("02115").map(p -> p.point()));

    // The site moves across town without a point: it is placed at its new ZIP code.
    StudyMerger.Merge moved =
        merger.merge(
            Registry.study(
                StudyJson.study(nct)
                    .addressOnly("Research Site", "Boston", null, "02215", "United States")
                    .json()),
            first.trial(),
            sites);
    assertThat(sites.get(0).location())
        .contains(gazetteer.findByZip("02215").orElseThrow().point());
    assertThat(moved.changes()).filteredOn(c -> c.field().equals("location")).hasSize(1);
  }
}
