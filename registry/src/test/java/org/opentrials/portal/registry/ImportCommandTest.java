package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk-load command migrates an empty database and imports files into it. */
class ImportCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void migratesImportsAndReportsEveryStudy() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    List<String> args = new ArrayList<>(List.of("--changes", url, "sa", ""));
    for (String nct : Registry.RECORDS) {
      Path file = dir.resolve(nct + ".json");
      Files.writeString(file, Registry.record(nct));
      args.add(file.toString());
    }
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"studies\": [");
    args.add(broken.toString());

    int status = run(args.toArray(String[]::new));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed + err).isEqualTo(1); // one input could not be read
    assertThat(printed)
        .contains(
            "CREATED NCT03475563  NCT03475563.json",
            "SKIPPED -  broken.json (line 1, column",
            "TRIAL NCT03475563 overallStatus: (empty) -> UNKNOWN",
            "3 created, 0 updated, 0 unchanged, 1 skipped");
    try (var c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("select count(*) from site")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(5);
    }
    out.reset();
    assertThat(run(url, "sa", "", dir.resolve("NCT03475563.json").toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("0 created, 0 updated, 1 unchanged, 0 skipped");
  }

  @Test
  void explainsHowToCallIt() {
    assertThat(run("jdbc:h2:mem:x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ImportCommand");
    assertThat(run("jdbc:h2:mem:x", "sa", "", dir.resolve("missing.json").toString())).isEqualTo(2);
  }
}
