package org.opentrials.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opentrials.portal.domain.trial.AgeLimit;
import org.opentrials.portal.services.trials.RegistryDetails;

/**
 * Reads published trials for the index with plain SQL: a page of trials and, for that page, one
 * query per collection (phases, conditions, keywords, interventions, sites); the registry's
 * interventions and their other names come with the trial row. Nothing is loaded as an entity, so a
 * page costs the same whatever the catalogue's size; each call is its own short transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class TrialSource {
  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
  private static final String COLUMNS =
      "select id, nct_id, acronym, brief_title, official_title, study_type, overall_status,"
          + " lead_sponsor, minimum_age, maximum_age, sex,"
          + " case when criteria_rules is null then 0 else 1 end, registry_details"
          + " from trial where published = true";

  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected TrialSource() {}

  @Inject
  public TrialSource(EntityManager em) {
    this.em = em;
  }

  /** Published trials with a database id above {@code afterId}, at most {@code size}, by id. */
  public Page page(long afterId, int size) {
    List<?> rows =
        em.createNativeQuery(COLUMNS + " and id > ?1 order by id")
            .setParameter(1, afterId)
            .setMaxResults(size)
            .getResultList();
    long last =
        rows.isEmpty() ? afterId : ((Number) ((Object[]) rows.get(rows.size() - 1))[0]).longValue();
    return new Page(complete(rows), last);
  }

  /** A page of trials and the database id to continue after. */
  public record Page(List<IndexedTrial> trials, long lastId) {}

  /** The published ones among these trials (the others are gone from the public's view). */
  public List<IndexedTrial> published(Collection<String> ncts) {
    List<String> valid = ncts.stream().filter(n -> NCT.matcher(n).matches()).distinct().toList();
    if (valid.isEmpty()) {
      return List.of();
    }
    List<?> rows =
        em.createNativeQuery(COLUMNS + " and nct_id in (" + quoted(valid) + ")").getResultList();
    return complete(rows);
  }

  private List<IndexedTrial> complete(List<?> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Object[]> byId = new LinkedHashMap<>();
    Map<String, Long> idByNct = new HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      long id = ((Number) r[0]).longValue();
      byId.put(id, r);
      idByNct.put((String) r[1], id);
    }
    String ids = String.join(",", byId.keySet().stream().map(String::valueOf).toList());
    Map<Long, List<String>> phases =
        strings("select trial_id, phase from trial_phase where trial_id in (" + ids + ")");
    Map<Long, List<String>> conditions =
        strings(
            "select trial_id, condition_name from trial_condition where trial_id in ("
                + ids
                + ") order by trial_id, position");
    Map<Long, List<String>> keywords =
        strings(
            "select trial_id, keyword from trial_keyword where trial_id in ("
                + ids
                + ") order by trial_id, position");
    Map<Long, List<String>> interventions =
        strings(
            "select g.trial_id, i.name from arm_intervention i join arm_group g on g.id ="
                + " i.arm_group_id where g.trial_id in ("
                + ids
                + ") order by g.trial_id, g.position, i.position");
    Map<Long, List<IndexedTrial.Site>> sites = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select nct_id, facility, city, state, latitude, longitude, status from site"
                    + " where nct_id in ("
                    + quoted(idByNct.keySet())
                    + ") order by nct_id, id")
            .getResultList()) {
      Object[] r = (Object[]) row;
      sites
          .computeIfAbsent(idByNct.get((String) r[0]), k -> new ArrayList<>())
          .add(
              new IndexedTrial.Site(
                  r[1] != null ? (String) r[1] : (String) r[2],
                  (String) r[2],
                  (String) r[3],
                  r[4] == null ? null : ((Number) r[4]).doubleValue(),
                  r[5] == null ? null : ((Number) r[5]).doubleValue(),
                  (String) r[6]));
    }
    List<IndexedTrial> trials = new ArrayList<>(byId.size());
    byId.forEach(
        (id, r) -> {
          Function<Map<Long, List<String>>, List<String>> of = m -> m.getOrDefault(id, List.of());
          trials.add(
              new IndexedTrial(
                  (String) r[1],
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  (String) r[5],
                  (String) r[6],
                  (String) r[7],
                  years((String) r[8]),
                  years((String) r[9]),
                  (String) r[10],
                  of.apply(phases),
                  of.apply(conditions),
                  of.apply(keywords),
                  interventionNames(of.apply(interventions), (String) r[12]),
                  ((Number) r[11]).intValue() == 1,
                  sites.getOrDefault(id, List.of())));
        });
    return trials;
  }

  /**
   * The treatment groups' intervention names and, for an imported study, the registry's
   * interventions with their other names (brand names and codes: "Dupixent", "REGN668"), which a
   * patient searches by as often as by the drug's name.
   */
  static List<String> interventionNames(List<String> fromGroups, String registryDetails) {
    List<String> names = new ArrayList<>(fromGroups);
    if (registryDetails != null && !registryDetails.isBlank()) {
      try {
        for (var i : RegistryDetails.parse(registryDetails).interventions()) {
          if (i.name() != null) {
            names.add(i.name());
          }
          names.addAll(i.otherNames());
        }
      } catch (RuntimeException e) {
        // A document the index cannot read leaves the trial findable by everything else.
      }
    }
    return names.stream().distinct().toList();
  }

  private Map<Long, List<String>> strings(String sql) {
    Map<Long, List<String>> found = new HashMap<>();
    for (Object row : em.createNativeQuery(sql).getResultList()) {
      Object[] r = (Object[]) row;
      found.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
    }
    return found;
  }

  private static Integer years(String age) {
    if (age == null) {
      return null;
    }
    try {
      return AgeLimit.parse(age).wholeYears();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** NCT numbers (checked against their format) as an SQL list. */
  private static String quoted(Collection<String> ncts) {
    StringBuilder sb = new StringBuilder();
    for (String n : ncts) {
      if (NCT.matcher(n).matches()) {
        sb.append(sb.isEmpty() ? "" : ",").append('\'').append(n).append('\'');
      }
    }
    return sb.isEmpty() ? "''" : sb.toString();
  }
}
