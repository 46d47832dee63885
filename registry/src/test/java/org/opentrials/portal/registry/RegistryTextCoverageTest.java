package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.registry.EligibilityCriteriaText.Item;
import org.opentrials.portal.registry.RegistryTextRules.Parsed;
import org.opentrials.portal.registry.RegistryTextRules.Pattern;

/**
 * How many criteria of the real records at hand the import structures, by pattern: the records of
 * this module's tests, the demo's, and shared/ctgov when the checkout has it beside the worktree.
 * Printed for the README's figure; the assertion names every sentence structured, so a pattern that
 * starts taking (or stops taking) a real sentence shows here.
 */
class RegistryTextCoverageTest {
  private static final List<Path> RECORDS =
      List.of(
          Path.of("src/test/resources/ctgov"),
          Path.of("src/main/resources/demo/registry"),
          Path.of("../../shared/ctgov"));

  @Test
  void realRecordsCriteriaStructuredByPattern() throws IOException {
    Map<String, RegistryStudy> studies = new TreeMap<>();
    for (Path dir : RECORDS) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          Registry.Collected c = new Registry.Collected();
          RegistryReader.read(file, c);
          // One study once, however many files hold it (a record and a search page of it).
          for (RegistryStudy s : c.studies) {
            if (s.eligibility() != null && s.eligibility().criteria() != null) {
              studies.putIfAbsent(s.nctId(), s);
            }
          }
        }
      }
    }
    int sentences = 0;
    Map<Pattern, Integer> byPattern = new EnumMap<>(Pattern.class);
    List<String> structured = new ArrayList<>();
    for (RegistryStudy s : studies.values()) {
      List<Item> items = EligibilityCriteriaText.split(s.eligibility().criteria()).items();
      boolean cancerTrial =
          items.stream()
              .anyMatch(
                  i ->
                      i.kind() == CriterionKind.INCLUSION
                          && RegistryTextRules.speaksOfCancer(i.text()));
      for (Item item : items) {
        sentences++;
        var parsed = RegistryTextRules.parse(item.kind(), item.text(), cancerTrial);
        if (parsed.isPresent()) {
          byPattern.merge(parsed.get().pattern(), 1, Integer::sum);
          structured.add(s.nctId() + " " + parsed.map(Parsed::pattern).get() + ": " + item.text());
        }
      }
    }
    System.out.println(
        "Registry criteria structured: "
            + structured.size()
            + " of "
            + sentences
            + " criteria in "
            + studies.size()
            + " real records "
            + studies.keySet()
            + "; by pattern "
            + byPattern);
    structured.forEach(s -> System.out.println("  " + s));
    assertThat(studies).containsKeys("NCT02552212", "NCT04207047", "NCT03418623");
    assertThat(structured)
        .containsExactly(
            "NCT02552212 PREGNANCY: Female subjects who are breastfeeding, pregnant or plan to"
                + " become pregnant during the study or within 3 months following the last dose"
                + " of the investigational product",
            "NCT04207047 PREGNANCY: Subjects who are pregnant, nursing, or anticipate a pregnancy"
                + " during the length of the trial.");
  }
}
