package org.opentrials.portal.services.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loading, matching and ambiguity rules, on a small hand-made data set with known answers. */
class GazetteerRulesTest {

  private static Gazetteer tiny;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = GazetteerRulesTest.class.getResourceAsStream("/geo/tiny-gazetteer.csv")) {
      assertThat(in).as("test resource /geo/tiny-gazetteer.csv").isNotNull();
      tiny = new Gazetteer(in);
    }
  }

  private static Gazetteer parse(String csv) {
    return new Gazetteer(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsEveryRowAndGroupsCitiesByNameAndState() {
    assertThat(tiny.zipCount()).isEqualTo(12);
    // Springfield MA, Springfield IL, Greenville SC, Greenville NC, Añasco, Smith..., Saint Louis,
    // Mc Lean, Midpoint.
    assertThat(tiny.cityCount()).isEqualTo(9);
  }

  @Test
  void quotedFieldsFollowRfc4180() {
    assertThat(tiny.findByZip("00007"))
        .get()
        .extracting(Place::city)
        .isEqualTo("Smith, \"Jones\" & Co");
    assertThat(tiny.findByCity("smith jones & co", "NY")).isPresent();
  }

  @Test
  void anAddressIsLocatedByItsZipCodeInItsStateElseByItsCityInItsState() {
    assertThat(tiny.locate("00004", "Greenville", "South Carolina"))
        .get()
        .extracting(Place::zip)
        .isEqualTo("00004");
    assertThat(tiny.locate("00004-1234", null, null))
        .get()
        .extracting(Place::zip)
        .isEqualTo("00004");
    // A ZIP code of another state is a typo somewhere: the city in the stated state is taken
    // instead.
    assertThat(tiny.locate("00005", "Greenville", "SC"))
        .get()
        .satisfies(p -> assertThat(p.zip()).isNull())
        .extracting(Place::state)
        .isEqualTo("SC");
    assertThat(tiny.locate(null, "springfield", "Illinois"))
        .get()
        .extracting(p -> p.point().latitude())
        .isEqualTo(39.7917);
    assertThat(tiny.locate("99999", "Springfield", "MA"))
        .get()
        .extracting(Place::state)
        .isEqualTo("MA");
    // A city alone is ambiguous, a region that is no US state is not placed, nor an unknown city.
    assertThat(tiny.locate(null, "Springfield", null)).isEmpty();
    assertThat(tiny.locate(null, "Springfield", "Ile-de-France")).isEmpty();
    assertThat(tiny.locate("00001", "Springfield", "Ile-de-France")).isEmpty();
    assertThat(tiny.locate(null, "Atlantis", "MA")).isEmpty();
  }

  @Test
  void mostZipCodesWinsWithoutAState() {
    assertThat(tiny.findByCity("Springfield", null)).get().extracting(Place::state).isEqualTo("IL");
    assertThat(tiny.findAllByCity("springfield"))
        .extracting(Place::state)
        .containsExactly("IL", "MA");
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstStateWhateverTheFileOrder() {
    // SC comes first in the file, one ZIP code each: NC wins.
    assertThat(tiny.findByCity("Greenville", null)).get().extracting(Place::state).isEqualTo("NC");
    assertThat(tiny.findAllByCity("Greenville"))
        .extracting(Place::state)
        .containsExactly("NC", "SC");
    assertThat(tiny.resolve("greenville")).get().extracting(Place::state).isEqualTo("NC");
  }

  @Test
  void aGivenStateIsHonouredAndNeverReplacedByAnother() {
    assertThat(tiny.findByCity("Springfield", "MA")).get().extracting(Place::state).isEqualTo("MA");
    assertThat(tiny.findByCity("Springfield", "massachusetts"))
        .get()
        .extracting(Place::state)
        .isEqualTo("MA");
    assertThat(tiny.findByCity("Greenville", " sc "))
        .get()
        .extracting(Place::state)
        .isEqualTo("SC");
    assertThat(tiny.findByCity("Springfield", "OR")).isEmpty();
    assertThat(tiny.findByCity("Springfield", "Narnia")).isEmpty();
    assertThat(tiny.resolve("Springfield, OR")).isEmpty();
    assertThat(tiny.resolve("Springfield OR")).isEmpty();
  }

  @Test
  void aCityPointIsTheMeanOfItsZipPoints() {
    Place midpoint = tiny.findByCity("Midpoint", "TX").orElseThrow();
    assertThat(midpoint.zip()).isNull();
    assertThat(midpoint.isZip()).isFalse();
    assertThat(midpoint.point().latitude()).isCloseTo(30.5, within(1e-9));
    assertThat(midpoint.point().longitude()).isCloseTo(-99.0, within(1e-9));

    Place springfieldIl = tiny.findByCity("Springfield", "IL").orElseThrow();
    assertThat(springfieldIl.point().latitude()).isCloseTo(39.7917, within(1e-9));
    assertThat(springfieldIl.point().longitude()).isCloseTo(-89.6401, within(1e-9));
  }

  @Test
  void namesMatchWhateverTheCaseAccentsSpacesPunctuationAndAbbreviations() {
    assertThat(tiny.findByCity("ANASCO", null)).get().extracting(Place::city).isEqualTo("Añasco");
    assertThat(tiny.findByCity("  añasco ", "pr")).isPresent();
    assertThat(tiny.findByCity("Ａñasco", "Puerto Rico")).as("full-width A").isPresent();
    assertThat(tiny.findByCity("St. Louis", "MO"))
        .get()
        .extracting(Place::city)
        .isEqualTo("Saint Louis");
    assertThat(tiny.findByCity("st louis", null)).isPresent();
    assertThat(tiny.findByCity("McLean", "VA")).get().extracting(Place::city).isEqualTo("Mc Lean");
    assertThat(tiny.findByCity("spring field", "il")).isPresent();
    assertThat(tiny.findByCity("Springfeld", "IL")).as("no fuzzy matching").isEmpty();
  }

  @Test
  void blankOrNullNamesFindNothing() {
    assertThat(tiny.findByCity(null, null)).isEmpty();
    assertThat(tiny.findByCity("", null)).isEmpty();
    assertThat(tiny.findByCity(" ,.- ", "IL")).isEmpty();
    assertThat(tiny.findAllByCity(null)).isEmpty();
    assertThat(tiny.resolve(" , ")).isEmpty();
  }

  @Test
  void aBlankStateMeansNoState() {
    assertThat(tiny.findByCity("Springfield", "  ")).get().extracting(Place::state).isEqualTo("IL");
  }

  @Test
  void readsGzipToo() throws IOException {
    String csv = Gazetteer.HEADER + "\n12345,Schenectady,NY,42.8142,-73.9396\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    Gazetteer g = new Gazetteer(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(g.findByZip("12345")).get().extracting(Place::city).isEqualTo("Schenectady");
  }

  @Test
  void acceptsAByteOrderMarkAndCrLf() {
    Gazetteer g =
        parse("\uFEFF" + Gazetteer.HEADER + "\r\n12345,Schenectady,NY,42.8142,-73.9396\r\n");
    assertThat(g.findByZip("12345")).isPresent();
  }

  @Test
  void rejectsMalformedDataNamingTheLine() {
    String h = Gazetteer.HEADER + "\n";
    assertThatThrownBy(() -> parse("zip,city\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse(h + "12345,Schenectady,NY,42.8\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("5 fields");
    assertThatThrownBy(() -> parse(h + "12345,Schenectady,NY,north,-73.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> parse(h + "12345,Schenectady,NY,142.8,-73.9\n"))
        .as("latitude out of range")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse(h + "1234,Schenectady,NY,42.8,-73.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ZIP");
    assertThatThrownBy(() -> parse(h + "12345,Schenectady,New York,42.8,-73.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state");
    assertThatThrownBy(() -> parse(h + "12345,\"Schenectady,NY,42.8,-73.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quoted");
    assertThatThrownBy(
            () -> parse(h + "12345,Schenectady,NY,42.8,-73.9\n12345,Schenectady,NY,42.8,-73.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("duplicate");
  }

  @Test
  void reportsUnreadableStreams() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }
        };
    assertThatThrownBy(() -> new Gazetteer(broken)).isInstanceOf(UncheckedIOException.class);
  }
}
