package org.opentrials.portal.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.audit.AuditAction;

/** The audit page and its CSV export read the same filter from the same parameters. */
class AuditQueryTest {

  @Test
  void readsEveryPartAndWritesItBackForTheExportLink() {
    AuditQuery q =
        AuditQuery.of(
            Map.of(
                "actor",
                "Investigator.Cedars",
                "action",
                "update",
                "entity",
                "NCT02633163/cedars-sinai",
                "from",
                "2026-03-01",
                "to",
                "2026-03-04"));
    var filter = q.filter().orElseThrow();
    assertThat(filter.actor()).isEqualTo("investigator.cedars");
    assertThat(filter.action()).isEqualTo(AuditAction.UPDATE);
    assertThat(filter.from()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(q.queryString())
        .isEqualTo(
            "actor=Investigator.Cedars&action=update&entity=NCT02633163%2Fcedars-sinai&from=2026-03-01&to=2026-03-04");
  }

  @Test
  void nothingGivenMeansEverything() {
    AuditQuery q = AuditQuery.of(new HashMap<>());
    assertThat(q.filter()).isPresent();
    assertThat(q.queryString()).isEmpty();
  }

  @Test
  void whatCannotBeReadIsRefusedRatherThanGuessed() {
    assertThat(AuditQuery.of(Map.of("action", "DROP TABLE")).filter()).isEmpty();
    assertThat(AuditQuery.of(Map.of("from", "yesterday")).filter()).isEmpty();
    assertThat(AuditQuery.of(Map.of("from", "2026-03-04", "to", "2026-03-01")).filter()).isEmpty();
    assertThat(AuditQuery.of(Map.of("entity", "x".repeat(201))).filter()).isEmpty();
  }
}
