package org.opentrials.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentrials.portal.domain.shared.GeoPoint;

class TrialSearchIndexTest {
  /** Los Angeles (Cedars-Sinai) and Charleston, SC: about 2,100 miles apart. */
  static final GeoPoint LOS_ANGELES = new GeoPoint(34.0754, -118.3802);

  static final GeoPoint CHARLESTON = new GeoPoint(32.7847, -79.9409);

  TrialSearchIndex index;

  @BeforeEach
  void fill() {
    index = TrialSearchIndex.inMemory();
    index.replace(
        List.of(
            trial(
                "NCT00000001",
                "Belimumab in Systemic Lupus Erythematosus",
                List.of("Systemic Lupus Erythematosus"),
                List.of("Belimumab"),
                "RECRUITING",
                List.of("PHASE3"),
                18,
                75,
                "ALL",
                site("Cedars-Sinai", "Los Angeles", LOS_ANGELES, "RECRUITING")),
            trial(
                "NCT00000002",
                "A study in SLE patients",
                List.of("SLE"),
                List.of("Anifrolumab"),
                "RECRUITING",
                List.of("PHASE2"),
                12,
                null,
                "FEMALE",
                site("MUSC", "Charleston", CHARLESTON, null)),
            trial(
                "NCT00000003",
                "Células madre para artritis",
                List.of("Rheumatoid Arthritis"),
                List.of("Dupilumab"),
                "COMPLETED",
                List.of("PHASE1"),
                null,
                null,
                "MALE",
                site("Cedars-Sinai", "Los Angeles", LOS_ANGELES, null)),
            trial(
                "NCT00000004",
                "Breast cancer screening",
                List.of("Breast Cancer"),
                List.of(),
                "RECRUITING",
                List.of("NA"),
                40,
                80,
                "FEMALE",
                site("MUSC", "Charleston", CHARLESTON, "COMPLETED"))),
        List.of(),
        5);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void synonymsFindTheSameTrialsInEnglishAndSpanish() {
    assertThat(ncts(query("lupus", false))).containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
    assertThat(ncts(query("SLE", false))).containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
    assertThat(ncts(query("lupus eritematoso sistémico", false)))
        .containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
    assertThat(ncts(query("LES", false))).containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
    assertThat(ncts(query("stem cells", false))).containsExactly("NCT00000003");
    assertThat(ncts(query("celulas madre", false))).containsExactly("NCT00000003");
    assertThat(ncts(query("Dupixent", false))).containsExactly("NCT00000003");
    assertThat(ncts(query("cáncer de mama", false))).containsExactly("NCT00000004");
  }

  @Test
  void nctNumberAndRelevanceFirst() {
    assertThat(ncts(query("nct00000002", false))).containsExactly("NCT00000002");
    // The trial whose condition and title say lupus ranks above the one that says SLE only.
    assertThat(ncts(query("systemic lupus erythematosus", false)).get(0)).isEqualTo("NCT00000001");
  }

  @Test
  void aTypoIsCorrectedWithTheResultsForTheCorrection() {
    SearchPage page = index.search(query("lupis", false));
    assertThat(page.correctedText()).isEqualTo("lupus");
    assertThat(ncts(page)).contains("NCT00000001");
    assertThat(index.search(query("lupus", false)).correctedText()).isNull();
  }

  @Test
  void recruitingIsSiteAwareAndASiteWithoutStatusCountsByTheTrial() {
    // 2: its site has no status, the trial recruits. 3: completed. 4: its only site completed.
    assertThat(ncts(query(null, true))).containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
    assertThat(ncts(query(null, false))).hasSize(4);
  }

  @Test
  void filtersByPhaseAgeSexAndType() {
    assertThat(
            ncts(
                index.search(
                    new SearchQuery(null, "PHASE2", null, false, null, null, null, 50, 1, 10))))
        .containsExactly("NCT00000002");
    assertThat(
            ncts(index.search(new SearchQuery(null, null, null, false, 15, null, null, 50, 1, 10))))
        .containsExactlyInAnyOrder("NCT00000002", "NCT00000003");
    assertThat(
            ncts(
                index.search(
                    new SearchQuery(null, null, null, false, null, "MALE", null, 50, 1, 10))))
        .containsExactlyInAnyOrder("NCT00000001", "NCT00000003");
    assertThat(
            ncts(
                index.search(
                    new SearchQuery(
                        null, null, "OBSERVATIONAL", false, null, null, null, 50, 1, 10))))
        .isEmpty();
    assertThat(
            ncts(
                index.search(
                    new SearchQuery(
                        null, null, "INTERVENTIONAL", false, null, null, null, 50, 1, 10))))
        .hasSize(4);
  }

  @Test
  void nearAPlaceOnlySitesWithinTheRadiusNearestFirstWithTheirDistance() {
    SearchPage la =
        index.search(new SearchQuery(null, null, null, true, null, null, LOS_ANGELES, 50, 1, 10));
    assertThat(ncts(la)).containsExactly("NCT00000001");
    assertThat(la.hits().get(0).nearestSiteName()).isEqualTo("Cedars-Sinai");
    assertThat(la.hits().get(0).nearestMiles()).isLessThan(0.1);
    assertThat(la.hits().get(0).sitesInRadius()).isEqualTo(1);
    // "All, also closed": the completed trial's site counts too, the recruiting one in Charleston
    // is farther.
    SearchPage all =
        index.search(
            new SearchQuery(null, null, null, false, null, null, LOS_ANGELES, 3000, 1, 10));
    assertThat(ncts(all).subList(0, 2)).containsExactlyInAnyOrder("NCT00000001", "NCT00000003");
    assertThat(ncts(all)).hasSize(4);
    assertThat(all.hits().get(3).nearestMiles()).isGreaterThan(2000);
  }

  @Test
  void countsPerFilterValue() {
    SearchPage page = index.search(query(null, false));
    assertThat(page.count("phase", "PHASE3")).isEqualTo(1);
    assertThat(page.count("sex", "FEMALE")).isEqualTo(2);
    assertThat(page.count("status", "RECRUITING")).isEqualTo(3);
    assertThat(page.count("type", "INTERVENTIONAL")).isEqualTo(4);
  }

  @Test
  void pagesAreCutInTheIndexAndAChangeIsSeenAtOnce() {
    List<IndexedTrial> many = new ArrayList<>();
    IntStream.range(0, 25)
        .forEach(
            i ->
                many.add(
                    trial(
                        String.format("NCT1%07d", i),
                        "Lupus study " + i,
                        List.of("Lupus"),
                        List.of(),
                        "RECRUITING",
                        List.of("PHASE2"),
                        null,
                        null,
                        "ALL")));
    index.replace(many, List.of(), 6);
    SearchPage third =
        index.search(new SearchQuery("lupus", null, null, false, null, null, null, 50, 3, 10));
    assertThat(third.total()).isEqualTo(27);
    assertThat(third.hits()).hasSize(7);
    assertThat(third.pageCount()).isEqualTo(3);
    assertThat(index.position()).isEqualTo(6);

    index.replace(List.of(), List.of("NCT00000001"), 7);
    assertThat(ncts(query("belimumab", false))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"",
        "*",
        ":",
        "(",
        "~",
        "\\",
        "lupus AND (",
        "title:lupus",
        "a*b?c~2",
        "\"unclosed",
        "\uD83D\uDE00 \u0000 \u202E",
        "the of and",
        "+-&&||!(){}[]^\"~*?:\\/"
      })
  void oddInputGivesAnOrdinaryAnswer(String text) {
    SearchPage page = index.search(query(text, false));
    assertThat(page.total()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void veryLongInputIsCutToItsFirstWords() {
    String text = "lupus " + "x".repeat(100_000) + " word".repeat(5_000);
    assertThat(index.search(query(text, false)).total()).isEqualTo(0);
  }

  @Test
  void anIndexOfAnotherFormatOrNoneNeedsARebuild() {
    assertThat(TrialSearchIndex.inMemory().needsRebuild()).isTrue();
    int count =
        index.rebuild(new java.util.ArrayDeque<>(List.of(List.<IndexedTrial>of()))::poll, 9);
    assertThat(count).isZero();
    assertThat(index.needsRebuild()).isFalse();
    assertThat(index.position()).isEqualTo(9);
    assertThat(index.search(query(null, false)).total()).isZero();
    assertThat(index.count()).isZero();
  }

  @Test
  void theCountIsThePublishedTrialsTheIndexHolds() {
    // The sitemap's size: the four trials set up above, whatever their status.
    assertThat(index.count()).isEqualTo(4);
  }

  private static SearchQuery query(String text, boolean recruitingOnly) {
    return new SearchQuery(text, null, null, recruitingOnly, null, null, null, 50, 1, 10);
  }

  private List<String> ncts(SearchQuery q) {
    return ncts(index.search(q));
  }

  private static List<String> ncts(SearchPage page) {
    return page.hits().stream().map(h -> h.trial().nct()).toList();
  }

  static IndexedTrial.Site site(String name, String city, GeoPoint at, String status) {
    return new IndexedTrial.Site(name, city, null, at.latitude(), at.longitude(), status);
  }

  static IndexedTrial trial(
      String nct,
      String title,
      List<String> conditions,
      List<String> interventions,
      String status,
      List<String> phases,
      Integer minAge,
      Integer maxAge,
      String sex,
      IndexedTrial.Site... sites) {
    return new IndexedTrial(
        nct,
        null,
        title,
        null,
        "INTERVENTIONAL",
        status,
        "Sponsor",
        minAge,
        maxAge,
        sex,
        phases,
        conditions,
        List.of(),
        interventions,
        true,
        List.of(sites));
  }
}
