package org.opentrials.portal.services.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentrials.portal.domain.shared.GeoPoint;

/**
 * The bundled data set (zipcodes@8.0.0, see src/main/resources/geo/README.md) through {@link
 * Gazetteer#shared()}. Expected coordinates are the published locations of the places (town
 * centres, or the hospital/campus the ZIP code is known for), not copied from the data, so a
 * shifted or mislabelled data set fails here.
 */
class GazetteerBundledDataTest {

  /** 0.05° is at most 5.6 km: a ZIP centroid is within that of the place it is known for. */
  private static final double DEGREES = 0.05;

  private final Gazetteer gazetteer = Gazetteer.shared();

  @Test
  void loadsTheWholeDataSet() {
    // regenerate.sh: 42,555 entries in zipcodes@8.0.0, less 306 without coordinates (0,0) and
    // 10200 New York with its longitude's sign wrong.
    assertThat(gazetteer.zipCount()).isEqualTo(42_248);
    assertThat(gazetteer.cityCount()).isBetween(15_000, 42_248);
  }

  @ParameterizedTest(name = "{0} is {1}, {2}")
  @CsvSource({
    // zip, city,          state, latitude, longitude of the place
    "94301, Palo Alto,     CA,  37.4292, -122.1381", // Palo Alto (city centre)
    "29401, Charleston,    SC,  32.7833,  -79.9333", // Charleston SC (city centre)
    "29425, Charleston,    SC,  32.7849,  -79.9470", // Medical University of South Carolina
    "90048, Los Angeles,   CA,  34.0752, -118.3806", // Cedars-Sinai Medical Center
    "11030, Manhasset,     NY,  40.7978,  -73.6929", // Manhasset (hamlet centre)
    "92093, La Jolla,      CA,  32.8801, -117.2340", // UC San Diego (USPS city: La Jolla)
    "60611, Chicago,       IL,  41.8948,  -87.6212", // Northwestern Memorial Hospital
  })
  void knownZipCodesResolveToTheirPlace(
      String zip, String city, String state, double latitude, double longitude) {
    Place place = gazetteer.findByZip(zip).orElseThrow();
    assertThat(place.zip()).isEqualTo(zip);
    assertThat(place.city()).isEqualTo(city);
    assertThat(place.state()).isEqualTo(state);
    assertThat(place.point().latitude()).isCloseTo(latitude, within(DEGREES));
    assertThat(place.point().longitude()).isCloseTo(longitude, within(DEGREES));
    assertThat(gazetteer.resolve(zip)).contains(place);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"94301", " 94301 ", "94301-1234", "94301 1234", "943011234", "\u00A094301\t"})
  void zipCodesAreReadWithSpacesAndZipPlusFour(String input) {
    assertThat(gazetteer.findByZip(input)).get().extracting(Place::zip).isEqualTo("94301");
    assertThat(gazetteer.resolve(input)).get().extracting(Place::zip).isEqualTo("94301");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "ABCDE",
        "123",
        "   ",
        "99999",
        "00000",
        "9430",
        "943012",
        "94301-12",
        "94301-ABCD",
        "-94301",
        "94 301",
        "٩٤٣٠١" // Arabic-Indic digits are not a ZIP code
      })
  void invalidOrUnknownZipCodesGiveNothing(String input) {
    assertThat(gazetteer.findByZip(input)).isEmpty();
    assertThat(gazetteer.resolve(input)).isEmpty();
  }

  @Test
  void paloAltoToCharlestonIsAbout2400Miles() {
    GeoPoint paloAlto = gazetteer.findByZip("94301").orElseThrow().point();
    GeoPoint charleston = gazetteer.findByZip("29425").orElseThrow().point();
    // Reference: the WGS-84 ellipsoidal geodesic between the two ZIP centroids (Vincenty's inverse
    // formula) is 2,392.0 statute miles. GeoPoint uses a sphere of the mean radius, which is off
    // the ellipsoid by at most about 0.5% (here 0.2%): 0.5% of 2,392 is 12 miles.
    assertThat(paloAlto.distanceMilesTo(charleston)).isCloseTo(2_392.0, within(12.0));
    assertThat(charleston.distanceMilesTo(paloAlto))
        .isCloseTo(paloAlto.distanceMilesTo(charleston), within(1e-9));
    assertThat(paloAlto.distanceKmTo(charleston)).isCloseTo(3_849.6, within(19.0));
  }

  @Test
  void citiesWithAState() {
    Place paloAlto = gazetteer.findByCity("Palo Alto", "CA").orElseThrow();
    assertThat(paloAlto.zip()).isNull();
    assertThat(paloAlto.city()).isEqualTo("Palo Alto");
    assertThat(paloAlto.state()).isEqualTo("CA");
    assertThat(paloAlto.label()).isEqualTo("Palo Alto, CA");
    assertThat(paloAlto.point().latitude()).isCloseTo(37.4292, within(DEGREES));
    assertThat(paloAlto.point().longitude()).isCloseTo(-122.1381, within(DEGREES));

    Place charleston = gazetteer.findByCity("Charleston", "SC").orElseThrow();
    assertThat(charleston.point().latitude()).isCloseTo(32.7833, within(DEGREES));
    assertThat(charleston.point().longitude()).isCloseTo(-79.9333, within(DEGREES));

    assertThat(gazetteer.findByCity("Los Angeles", "California"))
        .get()
        .extracting(Place::state)
        .isEqualTo("CA");
    assertThat(gazetteer.findByCity("Manhasset", "ny")).isPresent();
  }

  @Test
  void aCityPointIsTheMeanOfItsZipCodes() {
    List<String> zips = List.of("94301", "94302", "94303", "94304", "94306", "94309");
    double latitude = 0;
    double longitude = 0;
    for (String zip : zips) {
      Place place = gazetteer.findByZip(zip).orElseThrow();
      assertThat(place.city()).isEqualTo("Palo Alto");
      latitude += place.point().latitude() / zips.size();
      longitude += place.point().longitude() / zips.size();
    }
    GeoPoint city = gazetteer.findByCity("Palo Alto", "CA").orElseThrow().point();
    assertThat(city.latitude()).isCloseTo(latitude, within(0.00006));
    assertThat(city.longitude()).isCloseTo(longitude, within(0.00006));
    assertThat(city).isNotEqualTo(gazetteer.findByZip("94301").orElseThrow().point());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Palo Alto",
        "palo alto",
        "PALO ALTO",
        "  Palo    Alto  ",
        "Pálo Áltö",
        "palo-alto",
        "PaloAlto"
      })
  void citiesWhateverTheCaseSpacesAndAccents(String name) {
    assertThat(gazetteer.findByCity(name, null)).get().extracting(Place::state).isEqualTo("CA");
    assertThat(gazetteer.findByCity(name, " ca "))
        .get()
        .extracting(Place::city)
        .isEqualTo("Palo Alto");
    assertThat(gazetteer.resolve(name)).get().extracting(Place::city).isEqualTo("Palo Alto");
  }

  @Test
  void spellingVariantsOfTheData() {
    assertThat(gazetteer.findByCity("San José", "CA"))
        .get()
        .extracting(Place::city)
        .isEqualTo("San Jose");
    assertThat(gazetteer.findByCity("Añasco", "PR"))
        .get()
        .extracting(Place::city)
        .isEqualTo("Anasco");
    assertThat(gazetteer.findByCity("St. Louis", "MO"))
        .get()
        .extracting(Place::city)
        .isEqualTo("Saint Louis");
    assertThat(gazetteer.findByCity("Winston-Salem", "NC"))
        .get()
        .extracting(Place::city)
        .isEqualTo("Winston Salem");
    assertThat(gazetteer.findByCity("Coeur d'Alene", "ID"))
        .get()
        .extracting(Place::city)
        .isEqualTo("Coeur D Alene");
    assertThat(gazetteer.findByCity("Lee's Summit", "MO")).isPresent();
    assertThat(gazetteer.findByCity("McLean", "VA")).isPresent();
  }

  @Test
  void thereIsOnlyOnePaloAltoInTheData() {
    // Palo Alto, PA (a borough in Schuylkill County) has no ZIP code of its own: USPS serves it
    // as Pottsville 17901, so the data knows only Palo Alto, CA.
    assertThat(gazetteer.findAllByCity("Palo Alto")).extracting(Place::state).containsExactly("CA");
    assertThat(gazetteer.findByCity("Palo Alto", "PA")).isEmpty();
    assertThat(gazetteer.resolve("Palo Alto, PA")).isEmpty();
  }

  @Test
  void withoutAStateTheCityWithMostZipCodesWins() {
    // Charleston WV has 47 ZIP codes, Charleston SC 16, six other states one each.
    assertThat(gazetteer.findAllByCity("Charleston"))
        .extracting(Place::state)
        .startsWith("WV", "SC")
        .containsExactlyInAnyOrder("WV", "SC", "AR", "IL", "ME", "MO", "MS", "TN");
    // The one-ZIP Charlestons follow in state-code order (the tie-break).
    assertThat(gazetteer.findAllByCity("Charleston").subList(2, 8))
        .extracting(Place::state)
        .containsExactly("AR", "IL", "ME", "MO", "MS", "TN");
    assertThat(gazetteer.findByCity("Charleston", null))
        .get()
        .extracting(Place::state)
        .isEqualTo("WV");
    assertThat(gazetteer.resolve("charleston")).get().extracting(Place::state).isEqualTo("WV");
    assertThat(gazetteer.findByCity("Springfield", null))
        .get()
        .extracting(Place::state)
        .isEqualTo("IL");
    assertThat(gazetteer.findByCity("Portland", null))
        .get()
        .extracting(Place::state)
        .isEqualTo("OR");
    assertThat(gazetteer.findByCity("Kansas City", null))
        .get()
        .extracting(Place::state)
        .isEqualTo("MO");
    assertThat(gazetteer.findByCity("Washington", null))
        .get()
        .extracting(Place::state)
        .isEqualTo("DC");
  }

  @ParameterizedTest(name = "\"{0}\" is {1}, {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Palo Alto, CA                 | Palo Alto   | CA |      ",
        "Palo Alto CA                  | Palo Alto   | CA |      ",
        "palo alto                     | Palo Alto   | CA |      ",
        "Palo Alto, California         | Palo Alto   | CA |      ",
        "Palo Alto, CA, USA            | Palo Alto   | CA |      ",
        "Palo Alto, CA 94301           | Palo Alto   | CA | 94301",
        "Palo Alto, CA 94306-1234      | Palo Alto   | CA | 94306",
        "Palo Alto, CA 99999           | Palo Alto   | CA |      ",
        "Charleston, SC                | Charleston  | SC |      ",
        "charleston sc                 | Charleston  | SC |      ",
        "Charleston, South Carolina    | Charleston  | SC |      ",
        "Charleston                    | Charleston  | WV |      ",
        "New York                      | New York    | NY |      ",
        "New York, NY                  | New York    | NY |      ",
        "new york new york             | New York    | NY |      ",
        "Kansas City, KS               | Kansas City | KS |      ",
        "Kansas City Kansas            | Kansas City | KS |      ",
        "Washington, D.C.              | Washington  | DC |      ",
        "Washington, District of Columbia | Washington | DC |   ",
        "St. Louis, MO                 | Saint Louis | MO |      ",
        "Los Angeles, CA 90048         | Los Angeles | CA | 90048",
      })
  void whatAVisitorTypes(String text, String city, String state, String zip) {
    Optional<Place> place = gazetteer.resolve(text);
    assertThat(place).isPresent();
    assertThat(place.get().city()).isEqualTo(city);
    assertThat(place.get().state()).isEqualTo(state);
    assertThat(place.get().zip()).isEqualTo(zip);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Palo Alto, XX",
        "Palo Alto, Narnia",
        "Atlantis",
        "CA",
        "California",
        "ohio",
        "USA",
        "-94301"
      })
  void unknownPlacesAndBareStatesGiveNothing(String text) {
    assertThat(gazetteer.resolve(text)).isEmpty();
  }

  @Test
  void aCityNamedAfterAStateIsStillFoundAsACity() {
    // resolve("California") gives nothing, but the towns are there for an explicit city lookup.
    assertThat(gazetteer.findByCity("California", "MD")).isPresent();
    assertThat(gazetteer.resolve("California, MD")).get().extracting(Place::state).isEqualTo("MD");
    assertThat(gazetteer.findAllByCity("California")).hasSize(5);
  }

  @Test
  void sharedIsLoadedOnceForAllThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Gazetteer>> calls =
          IntStream.range(0, 32).mapToObj(i -> (Callable<Gazetteer>) Gazetteer::shared).toList();
      for (Future<Gazetteer> result : pool.invokeAll(calls)) {
        assertThat(result.get()).isSameAs(Gazetteer.shared());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void loadsQuickly() {
    // Times are logged for the record; the bound only catches a gross regression, since a shared
    // 2-core CI machine is noisy (the aim is well under 300 ms).
    Duration first = Gazetteer.shared().loadTime();
    long start = System.nanoTime();
    Gazetteer again = Gazetteer.loadBundled();
    Duration warm = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        "Gazetteer: %,d ZIP codes, %,d cities; shared() load %d ms, warm reload %d ms%n",
        again.zipCount(), again.cityCount(), first.toMillis(), warm.toMillis());
    assertThat(again.zipCount()).isEqualTo(Gazetteer.shared().zipCount());
    assertThat(warm).isLessThan(Duration.ofSeconds(2));
  }
}
