package org.opentrials.portal.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes N ClinicalTrials.gov API v2 studies shaped like the three real records (the demo content's
 * copies of {@code shared/ctgov}): each generated study is one of them, in turn, with its own NCT
 * number, title, status, conditions and, for some, many more sites. The output is a ZIP of
 * search-response pages of 1,000 studies ({@code {"studies": [...], "nextPageToken": ...}}), as the
 * registry's API hands them out, written as a stream: the generator holds one study at a time.
 *
 * <p>Sites: each study keeps its record's 1 or 3 sites; every eighth also gets 10 to 60 more
 * (copies of its first site with another facility, city, postal code and geo point), and every
 * thousandth 437 (the largest real study the import is tested with). That is about 6 sites per
 * study on average. The same seed gives the same file.
 *
 * <p>{@code revision} 1 is the same studies as a newer download: every tenth study has a new
 * overall status and verification date and one of its sites a new status, so that a re-import
 * updates 10% of the trials and leaves the rest unchanged.
 */
public final class RegistryStudyGenerator {
  static final List<String> RECORDS = List.of("NCT03475563", "NCT06171568", "NCT03418623");
  static final int PAGE_SIZE = 1_000;
  private static final List<String> STATUSES =
      List.of(
          "RECRUITING",
          "RECRUITING",
          "RECRUITING",
          "NOT_YET_RECRUITING",
          "ACTIVE_NOT_RECRUITING",
          "COMPLETED",
          "ENROLLING_BY_INVITATION",
          "UNKNOWN");
  private static final List<String> CONDITIONS =
      List.of(
          "Systemic Lupus Erythematosus",
          "Lupus Nephritis",
          "Cutaneous Lupus",
          "Rheumatoid Arthritis",
          "Sjogren's Syndrome",
          "Systemic Sclerosis",
          "Psoriatic Arthritis",
          "Coronary Artery Disease",
          "Cognitive Impairment",
          "Alcohol Use Disorder",
          "Vasculitis",
          "Myositis");
  private static final List<String> CITIES =
      List.of(
          "Boston",
          "Charleston",
          "Los Angeles",
          "Madrid",
          "Barcelona",
          "Paris",
          "Lyon",
          "Chicago",
          "Houston",
          "Seattle",
          "Toronto",
          "Berlin");

  private final List<JsonObject> records;
  private final long seed;

  public RegistryStudyGenerator(long seed) {
    this.records = RECORDS.stream().map(RegistryStudyGenerator::load).toList();
    this.seed = seed;
  }

  private static JsonObject load(String nct) {
    try (InputStream in =
            RegistryStudyGenerator.class.getResourceAsStream("/demo/registry/" + nct + ".json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** NCT number of the n-th generated study (NCT20000000 + n: no real study is renumbered). */
  static String nct(int n) {
    return String.format(Locale.ROOT, "NCT%08d", 20_000_000 + n);
  }

  /** Writes {@code count} studies as a ZIP of pages to {@code zip}. */
  public void writeZip(int count, int revision, Path zip) {
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (int page = 0; page * PAGE_SIZE < count; page++) {
        out.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "studies-%03d.json", page + 1)));
        JsonGenerator json = Json.createGenerator(new NoClose(out));
        json.writeStartObject().writeStartArray("studies");
        int end = Math.min(count, (page + 1) * PAGE_SIZE);
        for (int i = page * PAGE_SIZE; i < end; i++) {
          json.write(study(i, revision));
        }
        json.writeEnd();
        if (end < count) {
          json.write("nextPageToken", "page-" + (page + 2));
        }
        json.writeEnd().close();
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The i-th study; the same for the same seed, i and revision. */
  JsonObject study(int i, int revision) {
    Random random = new Random(seed * 1_000_003L + i);
    JsonObject record = records.get(i % records.size());
    JsonObject protocol = record.getJsonObject("protocolSection");
    boolean revised = revision > 0 && i % 10 == 0;

    JsonObject identification = protocol.getJsonObject("identificationModule");
    String title = identification.getString("briefTitle");
    JsonObjectBuilder id =
        Json.createObjectBuilder(identification)
            .add("nctId", nct(i))
            .add(
                "briefTitle",
                (title.length() > 250 ? title.substring(0, 250) : title)
                    + " (cohort "
                    + (i + 1)
                    + ")");

    JsonObjectBuilder status =
        Json.createObjectBuilder(protocol.getJsonObject("statusModule"))
            .add("overallStatus", pick(STATUSES, random))
            .add(
                "statusVerifiedDate",
                String.format(
                    Locale.ROOT, "20%02d-%02d", 18 + random.nextInt(6), 1 + random.nextInt(12)));
    if (revised) {
      status.add("overallStatus", "COMPLETED").add("statusVerifiedDate", "2025-01");
    }

    JsonArrayBuilder conditions = Json.createArrayBuilder();
    int conditionCount = 1 + random.nextInt(3);
    for (int c = 0; c < conditionCount; c++) {
      conditions.add(CONDITIONS.get((i + c * 5) % CONDITIONS.size()));
    }
    JsonObjectBuilder conditionsModule =
        Json.createObjectBuilder(protocol.getJsonObject("conditionsModule"))
            .add("conditions", conditions);

    JsonObject contacts = protocol.getJsonObject("contactsLocationsModule");
    JsonArray realSites = contacts.getJsonArray("locations");
    JsonArrayBuilder locations = Json.createArrayBuilder();
    for (int s = 0; s < realSites.size(); s++) {
      JsonObject site = realSites.getJsonObject(s);
      if (revised && s == 0) {
        site = Json.createObjectBuilder(site).add("status", "ACTIVE_NOT_RECRUITING").build();
      }
      locations.add(site);
    }
    int extra =
        i % 1_000 == 999 ? 437 - realSites.size() : i % 8 == 5 ? 10 + random.nextInt(51) : 0;
    JsonObject first = realSites.getJsonObject(0);
    for (int s = 0; s < extra; s++) {
      String city = CITIES.get((i + s) % CITIES.size());
      locations.add(
          Json.createObjectBuilder(first)
              .add("facility", "Research Site " + (s + 1) + " " + city)
              .add("status", s % 5 == 0 ? "NOT_YET_RECRUITING" : "RECRUITING")
              .add("city", city)
              .add("zip", String.format(Locale.ROOT, "%05d", 10_000 + (i * 7 + s) % 89_999))
              .add(
                  "geoPoint",
                  Json.createObjectBuilder()
                      .add("lat", -60 + random.nextInt(12_000) / 100.0)
                      .add("lon", -170 + random.nextInt(34_000) / 100.0)));
    }
    JsonObjectBuilder contactsModule =
        Json.createObjectBuilder(contacts).add("locations", locations);

    JsonObjectBuilder protocolBuilder =
        Json.createObjectBuilder(protocol)
            .add("identificationModule", id)
            .add("statusModule", status)
            .add("conditionsModule", conditionsModule)
            .add("contactsLocationsModule", contactsModule);
    JsonObjectBuilder study = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> member : record.entrySet()) {
      if (member.getKey().equals("protocolSection")) {
        study.add("protocolSection", protocolBuilder);
      } else {
        study.add(member.getKey(), member.getValue());
      }
    }
    return study.build();
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /** Writes generated studies: {@code RegistryStudyGenerator COUNT REVISION OUT.zip}. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: RegistryStudyGenerator COUNT REVISION(0|1) OUT.zip");
      System.exit(2);
    }
    Path out = Path.of(args[2]);
    new RegistryStudyGenerator(20260615L)
        .writeZip(Integer.parseInt(args[0]), Integer.parseInt(args[1]), out);
    System.out.println("wrote " + args[0] + " studies to " + out.toAbsolutePath());
  }

  /** Lets the JSON generator close what it writes without closing the ZIP. */
  private static final class NoClose extends java.io.FilterOutputStream {
    NoClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
