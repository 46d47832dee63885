package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator imports studies with the command line ({@code ImportCommand}) into the PostgreSQL
 * database a running portal uses: the change log written in the import's transactions brings them
 * into the portal's search within seconds, without a restart (issue 11: within 5 s). On the H2 pass
 * the server holds the embedded file, so a second process cannot open it; the test says so.
 */
class CommandLineImportIT extends PortalIT {
  /** A real record (NCT04207047) under a number no other test uses. */
  private static final String NCT = "NCT09900417";

  @Test
  void aStudyImportedFromTheCommandLineIsFoundBySearchWithinFiveSeconds() throws Exception {
    assumeTrue(
        server.onPostgres(),
        "needs PostgreSQL: the H2 file is held by the running server (run with -Dit.db.url=...)");
    assertThat(found(searchText())).isFalse();

    Path record = Files.createTempFile("command-line-import", ".json");
    Files.writeString(
        record,
        Files.readString(
                Path.of("../registry/src/test/resources/ctgov/NCT04207047.json"),
                StandardCharsets.UTF_8)
            .replace("NCT04207047", NCT),
        StandardCharsets.UTF_8);
    var db = server.database();
    ProcessBuilder importCommand =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.opentrials.portal.registry.ImportCommand",
                    db.url(),
                    db.user(),
                    "-",
                    record.toString()))
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("command-line-import", ".log").toFile());
    importCommand.environment().put("TRIALS_DATASOURCE_PASSWORD", db.password());
    Process run = importCommand.start();
    assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String log = Files.readString(importCommand.redirectOutput().file().toPath());
    assertThat(run.exitValue()).as(log).isZero();
    assertThat(log).contains("1 created");

    Instant imported = Instant.now();
    String found = searchText();
    while (!found(found) && Duration.between(imported, Instant.now()).toSeconds() < 10) {
      Thread.sleep(100); // poll the public search as a visitor reloading the page would
      found = searchText();
    }
    Duration seen = Duration.between(imported, Instant.now());
    System.out.printf("command-line import seen in search after %d ms%n", seen.toMillis());
    assertThat(found(found)).as("a result links to the study").isTrue();
    assertThat(found).contains("Lutronic");
    assertThat(seen).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  /** Whether the search page lists the study (its link; the search box repeats the query). */
  private static boolean found(String searchPage) {
    return searchPage.contains("href=\"/trials/" + NCT);
  }

  private static String searchText() throws IOException {
    return get("/trials?q=" + NCT + "&status=any").body();
  }
}
