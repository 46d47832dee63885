package org.opentrials.portal.services.geo;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.opentrials.portal.domain.shared.GeoPoint;

/**
 * Offline US gazetteer: ZIP codes and city names to coordinates, from a data set shipped in the
 * application ({@value #RESOURCE}, see {@code geo/README.md} beside it), with no network at run
 * time.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>ZIP codes</b>: five digits, optionally followed by a ZIP+4 extension ("94301-1234",
 *       "94301 1234", "943011234"), surrounding spaces ignored. A ZIP code that the data does not
 *       know (for example "99999") gives no place.
 *   <li><b>City names</b> are compared after {@linkplain PlaceNames normalisation}: case, accents,
 *       spaces and punctuation do not count, and St/Ste/Mt/Ft mean Saint/Sainte/Mount/Fort.
 *   <li><b>A city's point</b> is the centroid (mean latitude and mean longitude) of the points of
 *       all its ZIP codes in that state, rounded to 4 decimals. (The mean of the ZIP centroids is
 *       steadier than the point of an arbitrary "first" ZIP code, which may be a PO-box ZIP at the
 *       post office or a unique ZIP of one institution. No city in the data straddles the
 *       antimeridian, where a plain mean of longitudes would be wrong.) Its name is spelled as on
 *       its first row, in the bundled file (sorted by ZIP code) its lowest ZIP code.
 *   <li><b>Ambiguity</b>: when a city name is given with a state, only that state's city counts
 *       ("Palo Alto, PA" gives nothing, there is no Palo Alto in Pennsylvania in the data: it is
 *       never silently moved to California). Without a state, the city with that name which has the
 *       <em>most ZIP codes</em> wins, ties going to the alphabetically first state code. The ZIP
 *       count stands in for size, as the data has no population: "Springfield" is Springfield IL
 *       (38 ZIP codes) before MA (20) and MO (16), "Portland" is OR (59) before ME (9), but
 *       "Charleston" is Charleston WV (47, many of them unique government ZIP codes) before
 *       Charleston SC (16). A caller that can ask the visitor should use {@link
 *       #findAllByCity(String)}, which lists every candidate in this order.
 * </ul>
 *
 * <p>An instance is immutable and thread-safe. {@link #shared()} loads the bundled data set once,
 * on first use: 42,248 ZIP codes and 29,965 cities, read in about 0.1 s in a warm JVM and 0.2 to
 * 0.3 s (CPU) in a cold one.
 */
public final class Gazetteer {

  /** Class-path location of the bundled data set. */
  public static final String RESOURCE = "/geo/us-zip-centroids.csv.gz";

  /** First line of the CSV the constructor reads. */
  public static final String HEADER = "zip,city,state,latitude,longitude";

  private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:[-\\s]?\\d{4})?");
  private static final Pattern TRAILING_ZIP =
      Pattern.compile("(.*?)[\\s,]*\\b(\\d{5})(?:-\\d{4})?", Pattern.DOTALL);
  private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");
  private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
  private static final List<List<String>> COUNTRY_SUFFIXES =
      List.of(
          List.of("usa"),
          List.of("us"),
          List.of("united", "states"),
          List.of("united", "states", "of", "america"));

  /**
   * In {@link #resolve(String)}, a text that is just a state's name or code ("California", "Ohio")
   * is taken for a city of that name only if that city has at least this many ZIP codes: "New York"
   * (158) and "Washington" (DC, 274) are cities, while California KY, Ohio IL and the other towns
   * named after a state have one or two.
   */
  static final int MIN_ZIPS_OF_A_CITY_NAMED_AS_A_STATE = 10;

  /** Order of the cities that share a name: most ZIP codes first, then by state code. */
  private static final Comparator<City> MOST_LIKELY_FIRST =
      Comparator.comparingInt(City::zipCount)
          .reversed()
          .thenComparing(city -> city.place().state());

  private final Map<String, Place> byZip;
  private final Map<String, List<City>> citiesByKey;
  private final int cityCount;
  private final Duration loadTime;

  /** One city: its place (no ZIP code) and how many ZIP codes it has. */
  private record City(Place place, int zipCount) {}

  /** Sums for the centroid of a city while loading. */
  private static final class CityAccumulator {
    final String name;
    final String state;
    double latitudeSum;
    double longitudeSum;
    int zipCount;

    CityAccumulator(String name, String state) {
      this.name = name;
      this.state = state;
    }
  }

  /**
   * Reads a gazetteer from a CSV with the header {@value #HEADER}, plain or gzip'd (recognised by
   * its magic number), in UTF-8. Fields may be quoted as in RFC 4180; blank lines are skipped. The
   * stream is read to its end but not closed.
   *
   * @throws UncheckedIOException if the stream cannot be read
   * @throws IllegalArgumentException if the content is not such a CSV (the message names the line)
   */
  public Gazetteer(InputStream in) {
    long start = System.nanoTime();
    byte[] data;
    try {
      data = readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer", e);
    }
    Map<String, Place> zips = new HashMap<>(65_536);
    Map<String, List<CityAccumulator>> accumulators = new HashMap<>(65_536);
    Map<String, String> keyByName = new HashMap<>(65_536);
    RowParser rows = new RowParser(data);
    if (!rows.header()) {
      throw new IllegalArgumentException("line 1: expected header '" + HEADER + "'");
    }
    int cities = 0;
    for (Place place; (place = rows.next()) != null; ) {
      try {
        if (zips.putIfAbsent(place.zip(), place) != null) {
          throw new IllegalArgumentException("duplicate ZIP code " + place.zip());
        }
        String key = keyByName.computeIfAbsent(place.city(), PlaceNames::key);
        if (key.isEmpty()) {
          throw new IllegalArgumentException("city name without letters or digits");
        }
        List<CityAccumulator> sameName = accumulators.computeIfAbsent(key, k -> new ArrayList<>(1));
        CityAccumulator city = null;
        for (CityAccumulator candidate : sameName) {
          if (candidate.state.equals(place.state())) {
            city = candidate;
            break;
          }
        }
        if (city == null) {
          city = new CityAccumulator(place.city(), place.state());
          sameName.add(city);
          cities++;
        }
        city.latitudeSum += place.point().latitude();
        city.longitudeSum += place.point().longitude();
        city.zipCount++;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + rows.lineNumber() + ": " + e.getMessage(), e);
      }
    }

    Map<String, List<City>> byKey = new HashMap<>(accumulators.size() * 4 / 3 + 1);
    for (Map.Entry<String, List<CityAccumulator>> entry : accumulators.entrySet()) {
      List<CityAccumulator> sameName = entry.getValue();
      City[] sorted = new City[sameName.size()];
      for (int i = 0; i < sorted.length; i++) {
        CityAccumulator acc = sameName.get(i);
        GeoPoint centroid =
            new GeoPoint(
                round4(acc.latitudeSum / acc.zipCount), round4(acc.longitudeSum / acc.zipCount));
        sorted[i] = new City(new Place(null, acc.name, acc.state, centroid), acc.zipCount);
      }
      Arrays.sort(sorted, MOST_LIKELY_FIRST);
      byKey.put(entry.getKey(), List.of(sorted));
    }
    this.byZip = zips;
    this.citiesByKey = byKey;
    this.cityCount = cities;
    this.loadTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * The gazetteer of the bundled data set, loaded on first use and then shared. If the resource is
   * missing or corrupt, the first call throws {@link ExceptionInInitializerError} and later calls
   * {@link NoClassDefFoundError}: a packaging error, which the tests catch.
   */
  public static Gazetteer shared() {
    return Holder.INSTANCE;
  }

  /**
   * Initialization-on-demand holder: the JVM loads the data once, on first access, thread-safely.
   */
  private static final class Holder {
    static final Gazetteer INSTANCE = loadBundled();
  }

  /** Loads a new instance from the bundled resource {@value #RESOURCE}. */
  static Gazetteer loadBundled() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is not on the class path");
      }
      return new Gazetteer(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * The place of a ZIP code: "94301", " 94301 ", "94301-1234". Empty for {@code null}, anything
   * else, and ZIP codes the data does not know.
   */
  public Optional<Place> findByZip(String zip) {
    if (zip == null) {
      return Optional.empty();
    }
    Matcher m = ZIP.matcher(clean(zip));
    return m.matches() ? Optional.ofNullable(byZip.get(m.group(1))) : Optional.empty();
  }

  /**
   * A city by name, in the given state (a code or a name: "CA", "ca", "California"), or without one
   * ({@code null} or blank) the most likely city of that name: the one with the most ZIP codes,
   * ties to the first state code in alphabetical order. Case, accents and extra spaces do not
   * count. Empty when the name is unknown, the state is not a state, or the city is not in that
   * state.
   */
  public Optional<Place> findByCity(String city, String stateOrNull) {
    List<City> sameName = citiesByKey.get(PlaceNames.key(city));
    if (sameName == null) {
      return Optional.empty();
    }
    if (stateOrNull == null || stateOrNull.isBlank()) {
      return Optional.of(sameName.get(0).place());
    }
    String state = stateCode(stateOrNull);
    return state == null ? Optional.empty() : inState(sameName, state);
  }

  /**
   * The point of a US address as far as this data can tell, for a record that came without
   * coordinates: the ZIP code's place when the data knows the ZIP code and it lies in the given
   * state (or no state is given), otherwise the city's place in the given state (a code or a name).
   * A city without a state gives nothing, as "Charleston" alone may be in West Virginia or South
   * Carolina; nor does a state that is not a US state.
   */
  public Optional<Place> locate(String zip, String city, String stateOrNull) {
    boolean stateGiven = stateOrNull != null && !stateOrNull.isBlank();
    String state = stateGiven ? stateCode(stateOrNull) : null;
    Optional<Place> byZipCode = findByZip(zip);
    if (byZipCode.isPresent() && (!stateGiven || byZipCode.get().state().equals(state))) {
      return byZipCode;
    }
    if (city == null || state == null) {
      return Optional.empty();
    }
    return findByCity(city, state);
  }

  /**
   * Every city with this name, one per state, most likely first (the order {@link
   * #findByCity(String, String)} picks from): for "Did you mean…?" lists.
   */
  public List<Place> findAllByCity(String city) {
    List<City> sameName = citiesByKey.get(PlaceNames.key(city));
    if (sameName == null) {
      return List.of();
    }
    List<Place> places = new ArrayList<>(sameName.size());
    for (City c : sameName) {
      places.add(c.place());
    }
    return Collections.unmodifiableList(places);
  }

  /**
   * What a visitor types in one "ZIP code or city" field: a ZIP code ("94301", "94301-1234"); a
   * city with a state, with or without a comma, the state as a code or a name ("Palo Alto, CA",
   * "Palo Alto CA", "charleston south carolina"); or a city alone ("palo alto", resolved as {@link
   * #findByCity(String, String)} without a state). A trailing ZIP code wins when it is known ("Palo
   * Alto, CA 94301" → 94301) and is ignored otherwise; a trailing "USA" is ignored. When the last
   * words name a state but the city is not in it, the whole text is tried as a city name before
   * giving up, so "Palo Alto, PA" gives nothing rather than the California city. A text that is
   * only a state ("California", "CA") gives nothing: the gazetteer has no states, and the one-ZIP
   * towns named like states (California KY) are not what a visitor means; "New York" and
   * "Washington" are big enough to be taken as cities (10 ZIP codes or more).
   */
  public Optional<Place> resolve(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String cleaned = clean(text);
    if (cleaned.isEmpty()) {
      return Optional.empty();
    }
    if (ZIP.matcher(cleaned).matches()) {
      return findByZip(cleaned);
    }
    Matcher trailingZip = TRAILING_ZIP.matcher(cleaned);
    if (trailingZip.matches() && HAS_LETTER.matcher(trailingZip.group(1)).find()) {
      Place zip = byZip.get(trailingZip.group(2));
      if (zip != null) {
        return Optional.of(zip);
      }
      cleaned = trailingZip.group(1);
    }
    List<String> words = withoutCountry(PlaceNames.words(cleaned));
    int n = words.size();
    if (n == 0) {
      return Optional.empty();
    }
    // "<city> <state>", the state being the last one, two or three words ("NC", "North Carolina",
    // "District of Columbia").
    for (int k = 1; k <= Math.min(3, n - 1); k++) {
      String state = UsStates.codeForKey(PlaceNames.key(words, n - k, n));
      if (state != null) {
        List<City> sameName = citiesByKey.get(PlaceNames.key(words, 0, n - k));
        if (sameName != null) {
          Optional<Place> place = inState(sameName, state);
          if (place.isPresent()) {
            return place;
          }
        }
      }
    }
    String key = PlaceNames.key(words, 0, n);
    List<City> sameName = citiesByKey.get(key);
    if (sameName == null) {
      return Optional.empty();
    }
    City mostLikely = sameName.get(0);
    if (UsStates.codeForKey(key) != null
        && mostLikely.zipCount() < MIN_ZIPS_OF_A_CITY_NAMED_AS_A_STATE) {
      return Optional.empty(); // "California" means the state, not California KY
    }
    return Optional.of(mostLikely.place());
  }

  /** How many ZIP codes were loaded. */
  public int zipCount() {
    return byZip.size();
  }

  /** How many cities (distinct name and state) were loaded. */
  public int cityCount() {
    return cityCount;
  }

  /** How long the constructor took to read and index the data. */
  public Duration loadTime() {
    return loadTime;
  }

  private static Optional<Place> inState(List<City> sameName, String state) {
    for (City city : sameName) {
      if (city.place().state().equals(state)) {
        return Optional.of(city.place());
      }
    }
    return Optional.empty();
  }

  /** A state code from a code or a name; also any two letters, for data sets beyond the list. */
  private static String stateCode(String codeOrName) {
    String code = UsStates.code(codeOrName);
    if (code == null) {
      String upper = clean(codeOrName).toUpperCase(Locale.ROOT);
      code = STATE_CODE.matcher(upper).matches() ? upper : null;
    }
    return code;
  }

  private static List<String> withoutCountry(List<String> words) {
    for (List<String> suffix : COUNTRY_SUFFIXES) {
      int from = words.size() - suffix.size();
      if (from > 0 && words.subList(from, words.size()).equals(suffix)) {
        return words.subList(0, from);
      }
    }
    return words;
  }

  /** Strips surrounding white space, no-break spaces included. */
  private static String clean(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
  }

  private static double round4(double x) {
    return Math.round(x * 10_000.0) / 10_000.0;
  }

  /** The whole content, inflated when it starts with gzip's magic number. */
  private static byte[] readAll(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      InputStream notClosing =
          new FilterInputStream(buffered) {
            @Override
            public void close() {
              // the caller closes its stream
            }
          };
      try (GZIPInputStream gzip = new GZIPInputStream(notClosing, 1 << 16)) {
        return gzip.readAllBytes(); // closing frees the inflater's native memory at once
      }
    }
    return buffered.readAllBytes();
  }
}
