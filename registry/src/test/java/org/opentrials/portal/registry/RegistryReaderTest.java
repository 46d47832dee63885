package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.OverallStatus;

/**
 * The reader takes every shape the registry publishes, reports what it cannot read, and streams.
 */
class RegistryReaderTest {

  @Test
  void readsASingleStudy() {
    Registry.Collected c = Registry.read("NCT03475563.json", Registry.record("NCT03475563"));
    assertThat(c.problems).isEmpty();
    assertThat(c.studies)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.nctId()).isEqualTo("NCT03475563");
              assertThat(s.source()).isEqualTo("NCT03475563.json");
              assertThat(s.contactsLocations().locations()).hasSize(3);
              assertThat(s.warnings()).isEmpty();
            });
  }

  @Test
  void readsASearchPageStudyByStudyAndIgnoresItsPaging() {
    String page =
        "{\"studies\": ["
            + String.join(",", Registry.RECORDS.stream().map(Registry::record).toList())
            + "], \"nextPageToken\": \"NF0g5JGBlPMv\", \"totalCount\": 3}";
    Registry.Collected c = Registry.read("page.json", page);
    assertThat(c.problems).isEmpty();
    assertThat(c.studies)
        .extracting(RegistryStudy::nctId)
        .containsExactlyElementsOf(Registry.RECORDS);
    assertThat(c.studies.get(1).source()).isEqualTo("page.json $.studies[1]");
  }

  @Test
  void readsAZipOfRecordsAndPagesAndSaysWhatItIgnored() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String nct : Registry.RECORDS) {
        zip.putNextEntry(new ZipEntry("studies/" + nct + ".json"));
        zip.write(Registry.record(nct).getBytes(StandardCharsets.UTF_8));
      }
      zip.putNextEntry(new ZipEntry("page-2.json"));
      zip.write(
          ("{\"studies\": [" + StudyJson.study(StudyJson.nct(1)).json() + "]}")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("README.txt"));
      zip.write("downloaded 2024-01-03".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("__MACOSX/._page-2.json"));
      zip.write(new byte[] {0, 1, 2});
    }
    Registry.Collected c = Registry.read("download.zip", bytes.toByteArray());
    assertThat(c.studies)
        .extracting(RegistryStudy::nctId)
        .containsExactly("NCT03475563", "NCT06171568", "NCT03418623", StudyJson.nct(1));
    assertThat(c.studies.get(0).source()).isEqualTo("download.zip!/studies/NCT03475563.json");
    assertThat(c.problems)
        .containsExactly(
            "download.zip!/README.txt: not a .json file, ignored (the import reads ClinicalTrials.gov"
                + " API v2 JSON: a study or a search page, or a ZIP of them)");
  }

  @Test
  void invalidJsonIsReportedWithFileNameLineAndColumn() {
    String broken =
        "{\"protocolSection\": {\n  \"identificationModule\": {\"nctId\": \"NCT03475563\"\n  \"briefTitle\": \"x\"}}}";
    Registry.Collected c = Registry.read("broken.json", broken);
    assertThat(c.studies).isEmpty();
    assertThat(c.problems)
        .singleElement()
        .asString()
        .startsWith("broken.json (line 3, column ")
        .contains(": invalid JSON: ");
  }

  @Test
  void aPageCutOffMidwayKeepsTheStudiesBeforeTheCut() {
    String page =
        "{\"studies\": [\n"
            + StudyJson.study(StudyJson.nct(1)).json()
            + ",\n"
            + StudyJson.study(StudyJson.nct(2)).json()
            + ",\n"
            + StudyJson.study(StudyJson.nct(3)).json();
    String cut = page.substring(0, page.length() - 40);
    Registry.Collected c = Registry.read("cut.json", cut);
    assertThat(c.studies)
        .extracting(RegistryStudy::nctId)
        .containsExactly(StudyJson.nct(1), StudyJson.nct(2));
    assertThat(c.problems)
        .singleElement()
        .asString()
        .matches(
            "cut\\.json \\(line \\d+, column \\d+\\): invalid JSON: .*; the studies after it in this file were not read");
  }

  @Test
  void emptyAndBlankFilesAreReportedAsEmpty() {
    assertThat(Registry.read("empty.json", "").problems).containsExactly("empty.json: empty file");
    assertThat(Registry.read("blank.json", " \n\t\n").problems)
        .containsExactly("blank.json: empty file");
  }

  @Test
  void jsonThatIsNotAStudyOrPageIsReported() {
    assertThat(Registry.read("other.json", "{\"hello\": [1, 2]}").problems)
        .containsExactly(
            "other.json: neither a study (no \"protocolSection\") nor a search page (no \"studies\" array)");
    assertThat(Registry.read("text.json", "\"a string\"").problems)
        .singleElement()
        .asString()
        .startsWith("text.json (line 1, column")
        .endsWith("expected a study or a search page (a JSON object), found a string");
    assertThat(Registry.read("numbers.json", "{\"studies\": [1]}").problems)
        .singleElement()
        .asString()
        .startsWith("numbers.json $.studies[0] (line 1")
        .endsWith("expected a study (a JSON object), found a number");
  }

  @Test
  void unknownEnumerationValuesAndWrongTypesAreDroppedWithWarnings() {
    String json =
        StudyJson.study(StudyJson.nct(5))
            .json()
            .replace("\"overallStatus\": \"RECRUITING\"", "\"overallStatus\": \"PAUSED_FOR_LUNCH\"")
            .replace("\"phases\": [\"PHASE2\"]", "\"phases\": [\"PHASE2\", \"PHASE9\"]")
            .replace("\"count\": 40", "\"count\": \"forty\"")
            .replace("\"minimumAge\": \"18 Years\"", "\"minimumAge\": \"eighteen\"");
    RegistryStudy s = Registry.study(json);
    assertThat(s.status().overallStatus()).isNull();
    assertThat(s.design().phases()).hasSize(1);
    assertThat(s.design().enrollmentCount()).isNull();
    assertThat(s.eligibility().minimumAge()).isNull();
    assertThat(s.warnings())
        .containsExactly(
            "$.protocolSection.statusModule.overallStatus: unknown value \"PAUSED_FOR_LUNCH\", dropped",
            "$.protocolSection.designModule.phases[1]: unknown value \"PHASE9\", dropped",
            "$.protocolSection.designModule.enrollmentInfo.count: expected a whole number, found \"forty\", dropped",
            "$.protocolSection.eligibilityModule.minimumAge: not an age such as \"18 Years\": \"eighteen\", dropped");
    // A new trial still comes in: the status is then UNKNOWN, and says so.
    StudyMerger.Merge m = new StudyMerger(Registry.CLOCK).merge(s, null, List.of());
    assertThat(m.trial().overallStatus()).isEqualTo(OverallStatus.UNKNOWN);
    assertThat(m.warnings()).contains("no usable overall status; the trial is imported as UNKNOWN");
  }

  @Test
  void partialDatesAreTheFirstDayOfTheirMonthOrYear() {
    String base = StudyJson.study(StudyJson.nct(6)).json();
    assertThat(Registry.study(base).status().lastVerified()).hasToString("2024-01-01");
    assertThat(
            Registry.study(base.replace("\"2024-01\"", "\"2024-01-15\"")).status().lastVerified())
        .hasToString("2024-01-15");
    assertThat(Registry.study(base.replace("\"2024-01\"", "\"2023\"")).status().lastVerified())
        .hasToString("2023-01-01");
    RegistryStudy bad = Registry.study(base.replace("\"2024-01\"", "\"January 2024\""));
    assertThat(bad.status().lastVerified()).isNull();
    assertThat(bad.warnings())
        .singleElement()
        .asString()
        .contains("statusVerifiedDate: not a date");
  }

  @Test
  void aStudyWith437SitesIsReadWhole() {
    RegistryStudy s = Registry.study(StudyJson.study(StudyJson.nct(437)).locations(437).json());
    assertThat(s.contactsLocations().locations()).hasSize(437);
    assertThat(s.contactsLocations().locations().get(436).contacts()).hasSize(1);
  }

  /**
   * 10,000 studies in one page stream through with bounded memory: when a study is handed out, the
   * reader has read no further into the file than a fixed buffer beyond that study's end. It never
   * reads the file ahead, so it never holds more than the study it hands out.
   */
  @Test
  void aPageOf10000StudiesStreamsOneStudyAtATime() {
    int count = 10_000;
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    long[] ends = new long[count];
    page.writeBytes("{\"studies\": [\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < count; i++) {
      page.writeBytes(
          ((i == 0 ? "" : ",\n") + StudyJson.study(StudyJson.nct(i)).json())
              .getBytes(StandardCharsets.UTF_8));
      ends[i] = page.size();
    }
    page.writeBytes("\n], \"nextPageToken\": \"abc\"}".getBytes(StandardCharsets.UTF_8));
    byte[] bytes = page.toByteArray();
    assertThat(bytes.length).isGreaterThan(5_000_000);

    RegistryReader.Counting in = new RegistryReader.Counting(new ByteArrayInputStream(bytes));
    List<String> order = new ArrayList<>();
    long[] maxAhead = {0};
    RegistryReader.read(
        "big-page.json",
        in,
        new RegistryReader.Sink() {
          @Override
          public void study(RegistryStudy study) {
            int i = order.size();
            assertThat(study.nctId()).isEqualTo(StudyJson.nct(i));
            assertThat(in.count).isGreaterThanOrEqualTo(ends[i]);
            maxAhead[0] = Math.max(maxAhead[0], in.count - ends[i]);
            order.add(study.nctId());
          }

          @Override
          public void unreadable(String source, String reason) {
            throw new AssertionError(source + ": " + reason);
          }
        });
    assertThat(order).hasSize(count);
    // The read-ahead is the buffers' size (64 KiB + the parser's), not the file's (7 MB).
    assertThat(maxAhead[0]).isLessThan(160 * 1024);
  }
}
