package org.opentrials.portal.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/** The MiSLE demo trial goes into a real database through the real mapping and comes back whole. */
class DemoTrialMappingTest {
  static TestDatabase db;

  @BeforeAll
  static void store() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(MisleDemoTrial.trial());
          MisleDemoTrial.sites().forEach(new JpaSiteRepository(em)::add);
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void trialComesBackWithEverythingThePagesState() {
    db.inTransaction(
        em -> {
          Trial t = new JpaTrialRepository(em).findPublishedByNct(MisleDemoTrial.NCT).orElseThrow();
          assertThat(t.acronym()).isEqualTo("MiSLE");
          assertThat(t.phases()).containsExactly(Phase.PHASE2);
          assertThat(t.leadSponsor()).isEqualTo("Medical University of South Carolina");
          assertThat(t.overseenBy()).isEqualTo("Gary S. Gilkeson, MD");
          assertThat(t.faq()).hasSize(4);
          assertThat(t.criteria()).hasSize(16);
          assertThat(t.armGroups())
              .extracting(a -> a.label())
              .containsExactly(
                  "Group I: Low Dose Mesenchymal Stem Cells (MSCs)",
                  "Group II: High Dose Mesenchymal Stem Cells (MSCs)",
                  "Group III: Plasma Lyte A Solution");
          assertThat(t.armGroups().get(1).interventions().get(0).dose().amount())
              .isEqualByComparingTo(new BigDecimal("5000000"));
          assertThat(t.armGroups().get(2).interventions().get(0).dose()).isNull();
          assertThat(t.approvals()).extracting(a -> a.countryCode()).containsExactly("CN", "US");
          assertThat(t.approvals().get(0).indications())
              .containsExactly("Systemic Lupus Erythematosus (SLE)", "Lupus Nephritis");
          assertThat(t.references()).hasSize(7);
          assertThat(t.references().get(5).abstractText())
              .contains("6 years after MSCs transplantation");
          assertThat(t.placesLeft()).isEqualTo(4);
        });
  }

  @Test
  void sitesComeBackWithTheCedarsSiniaContact() {
    db.inTransaction(
        em -> {
          Optional<Site> cedars =
              new JpaSiteRepository(em).findBySlug(MisleDemoTrial.NCT, "cedars-sinai");
          assertThat(cedars).isPresent();
          assertThat(cedars.get().principalInvestigator()).isEqualTo("Mariko Ishimori, MD");
          assertThat(cedars.get().contact().phone()).isEqualTo("310-423-2422");
          assertThat(cedars.get().displayTitle()).startsWith("A Phase II Study Evaluating");
          Site paloAlto =
              new JpaSiteRepository(em).findBySlug(MisleDemoTrial.NCT, "palo-alto").orElseThrow();
          assertThat(paloAlto.facility()).isNull();
          assertThat(paloAlto.state()).isNull();
          assertThat(new JpaSiteRepository(em).findByTrial(MisleDemoTrial.NCT)).hasSize(6);
        });
  }

  @Test
  void staffAccountsKeepTheirRoleAssignmentsAndTimes() {
    var created = java.time.Instant.parse("2026-01-02T03:04:05Z");
    db.inTransaction(
        em -> {
          var account =
              new org.opentrials.portal.domain.staff.StaffAccount(
                  "Investigator.Test",
                  "Test",
                  org.opentrials.portal.domain.staff.Role.INVESTIGATOR,
                  "$argon2id$x",
                  created);
          account.assignTrial(MisleDemoTrial.NCT);
          account.assignSite(
              new JpaSiteRepository(em)
                  .findBySlug(MisleDemoTrial.NCT, "cedars-sinai")
                  .orElseThrow()
                  .id());
          account.recordFailedSignIn(created.plusSeconds(60));
          new org.opentrials.portal.services.persistence.JpaStaffRepository(em).add(account);
        });
    db.inTransaction(
        em -> {
          var back =
              new org.opentrials.portal.services.persistence.JpaStaffRepository(em)
                  .findByUsername("investigator.test")
                  .orElseThrow();
          assertThat(back.createdAt()).isEqualTo(created);
          assertThat(back.lockedUntil()).isEqualTo(created.plusSeconds(60));
          assertThat(back.failedAttempts()).isEqualTo(1);
          assertThat(back.trials()).containsExactly(MisleDemoTrial.NCT);
          assertThat(back.sites()).hasSize(1);
        });
  }

  @Test
  void enumerationsAreStoredByTheirRegistryNames() throws Exception {
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select overall_status, study_type from trial where nct_id = 'NCT02633163'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("RECRUITING");
      assertThat(rs.getString(2)).isEqualTo("INTERVENTIONAL");
    }
  }
}
