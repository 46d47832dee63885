package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The data survives a restart, and demo content is loaded into an empty database only. */
class RestartIT extends PortalIT {

  @Test
  void restartKeepsTheDataAndDoesNotLoadTheDemoTwice() throws Exception {
    String before = get("/trials/NCT02633163").body();
    int trialsBefore = count(get("/").body(), "class=\"result\"");
    server.restart();
    String secondStartLog = Files.readString(server.logFile());
    assertThat(secondStartLog).doesNotContain("Demo content loaded", "Demo staff accounts");
    String after = get("/trials/NCT02633163").body();
    assertThat(after).contains("Mesenchymal Stem Cells for Lupus");
    assertThat(count(after, "class=\"site\""))
        .isEqualTo(count(before, "class=\"site\""))
        .isEqualTo(6);
    assertThat(count(get("/").body(), "class=\"result\"")).isEqualTo(trialsBefore).isPositive();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
