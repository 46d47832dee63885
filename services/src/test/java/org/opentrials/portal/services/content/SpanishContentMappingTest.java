package org.opentrials.portal.services.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.SpanishTexts;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialContent;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/**
 * The Spanish texts go into their own columns (trial, arm_group) and table (trial_faq_es) through
 * the real mapping, come back whole, and change in place when only a translation changes.
 */
class SpanishContentMappingTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T15:00:00Z"), ZoneOffset.UTC);

  private TestDatabase db;

  @BeforeEach
  void demoTrial() {
    db = new TestDatabase();
    db.inTransaction(em -> new JpaTrialRepository(em).add(MisleDemoTrial.trial()));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theDemoTrialsSpanishTextsAreInTheirColumnsAndComeBack() throws SQLException {
    try (Connection c = db.connect()) {
      assertThat(
              rows(c, "select brief_title_es, plain_summary_es, eligibility_summary_es from trial"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.get(0)).isEqualTo("Células madre mesenquimales para el lupus");
                assertThat((String) r.get(1)).startsWith("El propósito de este estudio");
                assertThat(r.get(2)).isNull();
              });
      assertThat(rows(c, "select label_es from arm_group order by position"))
          .extracting(r -> r.get(0))
          .containsExactly(
              "Grupo I: dosis baja de células madre mesenquimales (MSC)",
              "Grupo II: dosis alta de células madre mesenquimales (MSC)",
              "Grupo III: solución Plasma-Lyte A");
    }
    SpanishTexts es = spanish();
    assertThat(es.briefTitle()).isEqualTo("Células madre mesenquimales para el lupus");
    assertThat(es.groupsSummary()).startsWith("El ensayo compara");
    assertThat(es.faq()).isEmpty();
    assertThat(es.groups()).hasSize(3);
    assertThat(es.group(2).description()).isNull();
  }

  @Test
  void aSpanishFaqAndAChangedGroupTranslationAreStoredWithoutRewritingTheGroups()
      throws SQLException {
    List<Object> groupIds = groupIds();
    db.inTransaction(
        em -> {
          Trial t = new JpaTrialRepository(em).findByNct(MisleDemoTrial.NCT).orElseThrow();
          TrialContent c = t.content();
          List<SpanishTexts.GroupText> groups = new ArrayList<>(c.spanish().groups());
          groups.set(1, new SpanishTexts.GroupText(null, "Cinco millones de células por kilo."));
          t.replaceContent(
              c.withSpanish(
                  new SpanishTexts(
                      c.spanish().briefTitle(),
                      null,
                      c.spanish().groupsSummary(),
                      "Adultos de 18 a 65 años con lupus activo.",
                      List.of(
                          new FaqEntry("¿Cuánto dura?", "Un año."),
                          new FaqEntry("¿Me pagan el viaje?", "Puede que sí.")),
                      groups)));
        });
    SpanishTexts es = spanish();
    assertThat(es.plainSummary()).isNull();
    assertThat(es.eligibilitySummary()).isEqualTo("Adultos de 18 a 65 años con lupus activo.");
    assertThat(es.faq())
        .extracting(FaqEntry::question, FaqEntry::answer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("¿Cuánto dura?", "Un año."),
            org.assertj.core.groups.Tuple.tuple("¿Me pagan el viaje?", "Puede que sí."));
    assertThat(es.group(1).label()).isNull();
    assertThat(es.group(1).description()).isEqualTo("Cinco millones de células por kilo.");
    assertThat(groupIds()).as("the English groups keep their rows").isEqualTo(groupIds);
    try (Connection c = db.connect()) {
      assertThat(rows(c, "select question from trial_faq_es order by position"))
          .extracting(r -> r.get(0))
          .containsExactly("¿Cuánto dura?", "¿Me pagan el viaje?");
    }
  }

  @Test
  void spanishTextsSurviveTheDraftsJsonAndCountAsChangedFields() {
    TrialContent c =
        db.call(em -> new JpaTrialRepository(em).findByNct(MisleDemoTrial.NCT))
            .orElseThrow()
            .content();
    TrialContent read = ContentJson.read(ContentJson.write(c), CLOCK);
    assertThat(read.sameAs(c)).isTrue();
    assertThat(read.spanish().briefTitle()).isEqualTo(c.spanish().briefTitle());
    TrialContent without = c.withSpanish(SpanishTexts.NONE);
    assertThat(without.sameAs(c)).isFalse();
    assertThat(org.opentrials.portal.domain.trial.ContentFields.changes(without, c))
        .containsKeys("es.briefTitle", "es.plainSummary", "es.groups[1].label");
  }

  private SpanishTexts spanish() {
    return db.call(
        em ->
            new JpaTrialRepository(em)
                .findByNct(MisleDemoTrial.NCT)
                .orElseThrow()
                .content()
                .spanish());
  }

  private List<Object> groupIds() throws SQLException {
    try (Connection c = db.connect()) {
      return rows(c, "select id from arm_group order by position").stream()
          .map(r -> r.get(0))
          .toList();
    }
  }

  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
