package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.registry.ImportChange.Entity;
import org.opentrials.portal.registry.StudyResult.Outcome;

/** An upload's report lists changes up to its cap, and says how many it left out, per study. */
class ImportReportCapTest {
  private static StudyResult created(String nct, int changes) {
    List<ImportChange> list =
        IntStream.range(0, changes)
            .mapToObj(i -> new ImportChange(Entity.SITE, nct + "/site-" + i, "city", null, "X"))
            .toList();
    return new StudyResult(nct + ".json", nct, Outcome.CREATED, null, List.of(), list, List.of());
  }

  @Test
  void aStudyOverTheCapKeepsItsOutcomeAndSaysHowManyChangesAreNotListed() {
    ImportReport.Collector collector = ImportReport.Collector.everyStudyWithChangesUpTo(10);
    collector.accept(created("NCT02552212", 8));
    collector.accept(created("NCT04207047", 437));
    ImportReport report = collector.report();
    assertThat(report.created()).isEqualTo(2);
    assertThat(report.changesListedAtMost()).isEqualTo(10);
    assertThat(report.capped()).isTrue();
    assertThat(report.studies().get(0).changes()).hasSize(8);
    assertThat(report.changesNotListed(report.studies().get(0))).isZero();
    assertThat(report.studies().get(1).changes()).isEmpty();
    assertThat(report.changesNotListed(report.studies().get(1))).isEqualTo(437);
  }

  @Test
  void aReportWithinItsCapSaysNothingAboutIt() {
    ImportReport.Collector collector = ImportReport.Collector.everyStudyWithChangesUpTo(2_000);
    collector.accept(created("NCT02552212", 8));
    assertThat(collector.report().capped()).isFalse();
  }
}
