package org.opentrials.portal.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.And;
import org.opentrials.portal.eligibility.criteria.Classification;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.Diagnosis;
import org.opentrials.portal.eligibility.criteria.Dialysis;
import org.opentrials.portal.eligibility.criteria.DiseaseActivity;
import org.opentrials.portal.eligibility.criteria.IfThen;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationChanged;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Not;
import org.opentrials.portal.eligibility.criteria.Or;
import org.opentrials.portal.eligibility.criteria.OrganTransplant;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.Score;
import org.opentrials.portal.eligibility.criteria.SelfReport;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/**
 * Generates realistic, varied pre-screening criteria for many trials, deterministically from a
 * seed, through the eligibility module's public API.
 *
 * <p>Each trial studies one disease (lupus for about half of them, as on this portal; other
 * autoimmune diseases otherwise) and has 8 to 20 criteria drawn like real protocols: diagnosis
 * (often confirmed by "at least N of M" classification criteria), age range, sometimes sex, disease
 * activity above a score, standard therapy, conditional requirements; exclusions for recent
 * biologics (or-lists with per-drug wash-out periods), steroid dose per kg, changed
 * immunosuppressants, recent cancer with exceptions and other recent conditions, infections,
 * pregnancy, transplant, dialysis, sponsor-worded self-reports and the odd coordinator check.
 * Thresholds and periods vary per trial; criteria are shuffled within inclusions and within
 * exclusions, so the criterion that rules a visitor out is not always the first.
 *
 * <p>Every trial gets its own criterion texts and its own {@link Medication} / {@link Condition}
 * objects (as trials decoded from their own JSON documents would); question ids are shared, as in
 * the application (they are interned by id).
 */
final class TrialGenerator {

  /** A disease a trial can study, with what its criteria may use. */
  private record Disease(
      String id,
      String label,
      double weight,
      Classification classification,
      int[] atLeast,
      Score score,
      int[] scoreAtLeast,
      boolean lupus) {}

  private static final Classification ACR_1997_SLE =
      classification("acr-1997-sle", "the 1997 ACR classification criteria for lupus", 11);
  private static final Classification SLICC_2012_SLE =
      classification("slicc-2012-sle", "the 2012 SLICC classification criteria for lupus", 17);
  private static final Classification ACR_EULAR_2010_RA =
      classification(
          "acr-eular-2010-ra", "the 2010 ACR/EULAR criteria for rheumatoid arthritis", 10);
  private static final Classification ACR_EULAR_2016_SS =
      classification("acr-eular-2016-sjogren", "the 2016 ACR/EULAR criteria for Sjögren's", 5);
  private static final Classification CASPAR =
      classification("caspar", "the CASPAR criteria for psoriatic arthritis", 6);

  private static final Score SLEDAI = score("sledai-2k", "SLEDAI", 105);
  private static final Score CLASI = score("clasi-a", "CLASI activity", 70);
  private static final Score CDAI = score("cdai", "CDAI", 76);
  private static final Score ESSDAI = score("essdai", "ESSDAI", 123);
  private static final Score MRSS = score("mrss", "modified Rodnan skin score", 51);
  private static final Score PASI = score("pasi", "PASI", 72);
  private static final Score EASI = score("easi", "EASI", 72);
  private static final Score EDSS = score("edss", "EDSS", 10);

  private static final List<Disease> DISEASES =
      List.of(
          new Disease(
              "sle",
              "lupus (systemic lupus erythematosus, SLE)",
              0.42,
              null,
              null,
              SLEDAI,
              new int[] {4, 6, 6, 6, 8, 8, 10, 12},
              true),
          new Disease("lupus-nephritis", "lupus nephritis", 0.07, null, null, null, null, true),
          new Disease(
              "cutaneous-lupus",
              "cutaneous lupus",
              0.04,
              null,
              null,
              CLASI,
              new int[] {8, 10, 12},
              true),
          new Disease(
              "antiphospholipid-syndrome",
              "antiphospholipid syndrome",
              0.02,
              null,
              null,
              null,
              null,
              false),
          new Disease(
              "rheumatoid-arthritis",
              "rheumatoid arthritis",
              0.10,
              ACR_EULAR_2010_RA,
              new int[] {6},
              CDAI,
              new int[] {10, 22},
              false),
          new Disease(
              "sjogren",
              "Sjögren's disease",
              0.05,
              ACR_EULAR_2016_SS,
              new int[] {4},
              ESSDAI,
              new int[] {5, 5, 6},
              false),
          new Disease(
              "systemic-sclerosis",
              "systemic sclerosis (scleroderma)",
              0.04,
              null,
              null,
              MRSS,
              new int[] {10, 15},
              false),
          new Disease(
              "psoriatic-arthritis",
              "psoriatic arthritis",
              0.04,
              CASPAR,
              new int[] {3},
              null,
              null,
              false),
          new Disease("myositis", "myositis", 0.03, null, null, null, null, false),
          new Disease(
              "anca-vasculitis", "ANCA-associated vasculitis", 0.03, null, null, null, null, false),
          new Disease(
              "multiple-sclerosis",
              "multiple sclerosis",
              0.04,
              null,
              null,
              EDSS,
              new int[] {2, 3},
              false),
          new Disease(
              "psoriasis", "plaque psoriasis", 0.04, null, null, PASI, new int[] {10, 12}, false),
          new Disease(
              "atopic-dermatitis",
              "atopic dermatitis (eczema)",
              0.03,
              null,
              null,
              EASI,
              new int[] {12, 16},
              false),
          new Disease("crohns-disease", "Crohn's disease", 0.03, null, null, null, null, false),
          new Disease(
              "ulcerative-colitis", "ulcerative colitis", 0.03, null, null, null, null, false));

  /** Biologics and other drugs excluded within a wash-out period: id, label, periods. */
  private record WashOut(String id, String label, TimeWindow[] periods) {}

  private static final List<WashOut> WASH_OUTS =
      List.of(
          new WashOut(
              "belimumab", "belimumab (Benlysta)", windows("2 months", "3 months", "6 months")),
          new WashOut(
              "rituximab",
              "rituximab (Rituxan, MabThera)",
              windows("6 months", "9 months", "10 months", "12 months", "1 year")),
          new WashOut(
              "other-biologic",
              "any other biologic medicine",
              windows("3 months", "6 months", "12 weeks")),
          new WashOut("anifrolumab", "anifrolumab (Saphnelo)", windows("8 weeks", "3 months")),
          new WashOut("abatacept", "abatacept (Orencia)", windows("2 months", "3 months")),
          new WashOut("tocilizumab", "tocilizumab (Actemra)", windows("8 weeks", "3 months")),
          new WashOut("cyclophosphamide", "cyclophosphamide", windows("3 months", "6 months")),
          new WashOut("ivig", "intravenous immunoglobulin (IVIG)", windows("4 weeks", "3 months")),
          new WashOut(
              "jak-inhibitor",
              "a JAK inhibitor such as tofacitinib or baricitinib",
              windows("4 weeks", "8 weeks")),
          new WashOut(
              "investigational-drug",
              "any investigational (experimental) medicine",
              windows("30 days", "8 weeks", "3 months", "6 months")),
          new WashOut(
              "live-vaccine",
              "a live vaccine (such as shingles or yellow fever)",
              windows("4 weeks", "30 days", "3 months")));

  private record Recent(String id, String label, TimeWindow[] periods) {}

  private static final List<Recent> RECENT_CONDITIONS =
      List.of(
          new Recent(
              "herpes-zoster",
              "shingles (herpes zoster)",
              windows("3 months", "6 months", "12 months")),
          new Recent(
              "serious-infection",
              "a serious infection needing hospital or IV antibiotics",
              windows("30 days", "2 months", "3 months", "6 months")),
          new Recent("stroke", "a stroke", windows("6 months", "12 months")),
          new Recent("myocardial-infarction", "a heart attack", windows("6 months", "12 months")),
          new Recent("major-surgery", "major surgery", windows("4 weeks", "3 months")));

  private static final String[][] CANCER_EXCEPTIONS = {
    {"basal-cell-carcinoma", "basal cell carcinoma of the skin"},
    {"squamous-cell-skin", "squamous cell carcinoma of the skin"},
    {"cervical-carcinoma-in-situ", "cervical carcinoma in situ"},
  };

  private static final String[][] SELF_REPORTS = {
    {
      "unstable-condition",
      "Do you have an unstable medical condition, such as heart disease that is not under control?"
    },
    {"heart-failure", "Has a doctor told you that you have heart failure?"},
    {"liver-disease", "Do you have a serious liver disease, such as cirrhosis?"},
    {
      "severe-kidney-disease",
      "Has a doctor told you that your kidneys work at less than a third of normal?"
    },
    {"substance-abuse", "Have you been treated for alcohol or drug abuse in the last year?"},
    {"study-drug-allergy", "Have you ever had a severe allergic reaction to a biologic medicine?"},
    {"other-trial", "Are you taking part in another clinical trial of a medicine?"},
  };

  private static final int[] MIN_AGES = {12, 16, 18, 18, 18, 18, 18, 18, 21, 25, 40};
  private static final int[] MAX_AGES = {-1, 45, 50, 55, 60, 65, 65, 65, 70, 75, 80, 85};
  private static final double[] DOSE_THRESHOLDS = {0.2, 0.25, 0.3, 0.4, 0.5, 0.5, 0.6, 1.0};
  private static final TimeWindow[] DOSE_WINDOWS =
      windows("2 weeks", "1 month", "1 month", "2 months");
  private static final TimeWindow[] CANCER_WINDOWS =
      windows("2 years", "3 years", "5 years", "5 years", "5 years", "10 years");
  private static final TimeWindow[] CHANGED_WINDOWS =
      windows("4 weeks", "1 month", "2 months", "3 months", "3 months", "6 months");

  private final Random random;
  private final double totalWeight;
  private final List<Criterion> inclusions = new ArrayList<>();
  private final List<Criterion> exclusions = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  TrialGenerator(long seed) {
    this.random = new Random(seed);
    double w = 0;
    for (Disease d : DISEASES) {
      w += d.weight;
    }
    this.totalWeight = w;
  }

  /** {@code count} trials with ids NCT10000000, NCT10000001, .... */
  List<TrialCriteria> generate(int count) {
    List<TrialCriteria> trials = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      trials.add(next("NCT" + (10_000_000 + i)));
    }
    return trials;
  }

  TrialCriteria next(String trialId) {
    inclusions.clear();
    exclusions.clear();
    ids.clear();
    Disease d = pickDisease();
    Condition disease = new Condition(d.id, Text.of(d.label));

    // ---- inclusions ----
    if (d.classification != null && chance(0.7)) {
      int atLeast = pick(d.atLeast);
      include(
          "diagnosis",
          "I have "
              + d.label
              + ", meeting at least "
              + atLeast
              + " of "
              + d.classification.items().size()
              + " classification criteria.",
          Diagnosis.confirmed(disease, d.classification, atLeast));
    } else if (d.id.equals("sle") && chance(0.75)) {
      Classification c = chance(0.7) ? ACR_1997_SLE : SLICC_2012_SLE;
      int atLeast = c == ACR_1997_SLE ? 4 : pick(new int[] {4, 4, 5});
      include(
          "diagnosis",
          "I have lupus, meeting at least "
              + atLeast
              + " of "
              + c.items().size()
              + " classification criteria.",
          Diagnosis.confirmed(disease, c, atLeast));
    } else {
      include(
          "diagnosis",
          "A doctor has diagnosed me with " + d.label + ".",
          Diagnosis.present(disease));
    }
    int min = pick(MIN_AGES);
    int max = pick(MAX_AGES);
    if (max < 0 || chance(0.05)) {
      include("age", "I am " + min + " years old or older.", AgeRange.atLeast(min));
    } else {
      include(
          "age", "I am between " + min + " and " + max + " years old.", AgeRange.between(min, max));
    }
    double sex = random.nextDouble();
    if (sex < 0.10) {
      include("sex", "I am female.", new SexRule(SexRule.Sex.FEMALE));
    } else if (sex < 0.13) {
      include("sex", "I am male.", new SexRule(SexRule.Sex.MALE));
    } else if (sex < 0.18) {
      include("sex", "People of any sex can take part.", new SexRule(SexRule.Sex.ALL));
    }
    if (d.score != null && chance(0.7)) {
      int atLeast = pick(d.scoreAtLeast);
      include(
          "active",
          "My "
              + d.label
              + " is active, with a "
              + d.score.name().in(java.util.Locale.ENGLISH)
              + " of "
              + atLeast
              + " or more.",
          new DiseaseActivity(disease, new DiseaseActivity.ScoreThreshold(d.score, atLeast)));
    } else if (chance(0.4)) {
      include(
          "active",
          "My " + d.label + " is active despite treatment.",
          new DiseaseActivity(disease, null));
    }
    if (d.lupus && chance(0.5)) {
      TimeWindow w = pick(windows("1 month", "2 months", "8 weeks", "3 months"));
      include(
          "standard-therapy",
          "I have been on standard lupus treatment in the last " + w + ".",
          new Or(
              List.of(
                  new MedicationTaken(
                      med("hydroxychloroquine", "hydroxychloroquine (Plaquenil)"), w),
                  new MedicationTaken(med("prednisone", "prednisone (or prednisolone)"), w),
                  new MedicationTaken(med("immunosuppressant", "an immunosuppressant"), w))));
    }
    if (chance(0.35)) {
      TimeWindow w = pick(CHANGED_WINDOWS);
      include(
          "stable-dose",
          "I have not started or changed an immunosuppressant in the last " + w + ".",
          new Not(new MedicationChanged(med("immunosuppressant", "an immunosuppressant"), w)));
    }
    if (d.id.equals("sle") && chance(0.3)) {
      include(
          "nephritis-treated",
          "If I have lupus nephritis, I have been on standard therapy for it.",
          new IfThen(
              Diagnosis.present(new Condition("lupus-nephritis", Text.of("lupus nephritis"))),
              selfReport(
                  "lupus-nephritis-standard-therapy",
                  "Have you been treated for lupus nephritis with standard therapy?",
                  Topic.DIAGNOSIS)));
    }
    if (chance(0.3)) {
      int upTo = pick(new int[] {45, 50, 55});
      include(
          "contraception",
          "If I am a woman who could become pregnant, I will use contraception.",
          new IfThen(
              new And(List.of(new SexRule(SexRule.Sex.FEMALE), AgeRange.atMost(upTo))),
              selfReport(
                  "willing-contraception",
                  "Are you willing to use effective contraception during the study?",
                  Topic.ABOUT_YOU)));
    }

    // ---- exclusions ----
    if (chance(0.5)) {
      exclude("dialysis", "I need dialysis.", new Dialysis());
    }
    if (chance(0.7)) {
      TimeWindow w = pick(CANCER_WINDOWS);
      List<Subtype> except = new ArrayList<>();
      for (String[] e : CANCER_EXCEPTIONS) {
        if (chance(0.7)) {
          except.add(new Subtype(e[0], Text.of(e[1])));
        }
      }
      exclude(
          "recent-cancer",
          "I have had cancer in the last "
              + w
              + (except.isEmpty()
                  ? "."
                  : ", other than certain skin cancers or cervical pre-cancer."),
          new ConditionWithin(new Condition("cancer", Text.of("cancer")), w, except));
    }
    for (Recent r : RECENT_CONDITIONS) {
      if (chance(0.2)) {
        TimeWindow w = pick(r.periods);
        exclude(
            "recent-" + r.id,
            "I have had " + r.label + " in the last " + w + ".",
            new ConditionWithin(new Condition(r.id, Text.of(r.label)), w, List.of()));
      }
    }
    if (chance(0.85)) {
      List<Infection> infections = new ArrayList<>();
      for (Infection i : Infection.values()) {
        if (chance(0.7)) {
          infections.add(i);
        }
      }
      if (infections.isEmpty()) {
        infections.add(Infection.HIV);
      }
      if (chance(0.5) || infections.size() == 1) {
        exclude(
            "infections",
            "I have tested positive for an infection listed.",
            new PositiveTest(infections));
      } else {
        // Split the way protocols often do: one criterion per group.
        int cut = 1 + random.nextInt(infections.size() - 1);
        exclude(
            "infections", "I have HIV or hepatitis.", new PositiveTest(infections.subList(0, cut)));
        exclude(
            "infections-2",
            "I have tuberculosis or another listed infection.",
            new PositiveTest(infections.subList(cut, infections.size())));
      }
    }
    if (chance(0.75)) {
      boolean unless = chance(0.4);
      exclude(
          "pregnancy",
          unless
              ? "I am pregnant or breastfeeding and not using contraception."
              : "I am pregnant or breastfeeding.",
          new PregnancyOrBreastfeeding(unless));
    }
    if (chance(0.5)) {
      exclude("organ-transplant", "I have had a major organ transplant.", new OrganTransplant());
    }
    if (chance(0.75)) {
      List<Rule> drugs = new ArrayList<>();
      StringBuilder text = new StringBuilder("I received ");
      for (WashOut w : WASH_OUTS) {
        if (chance(d.lupus ? 0.3 : 0.2)) {
          TimeWindow period = pick(w.periods);
          drugs.add(new MedicationTaken(med(w.id, w.label), period));
          text.append(drugs.size() > 1 ? ", or " : "")
              .append(w.label)
              .append(" in the last ")
              .append(period);
        }
      }
      if (drugs.size() == 1) {
        exclude("recent-medicine", text.append('.').toString(), drugs.get(0));
      } else if (!drugs.isEmpty()) {
        exclude("recent-medicine", text.append('.').toString(), new Or(drugs));
      }
    }
    if (chance(d.lupus ? 0.6 : 0.3)) {
      double threshold = pick(DOSE_THRESHOLDS);
      TimeWindow w = pick(DOSE_WINDOWS);
      exclude(
          "high-dose-steroid",
          "I took more than " + threshold + " mg/kg/day of prednisone in the last " + w + ".",
          new MedicationDose(med("prednisone", "prednisone (or prednisolone)"), threshold, w));
    }
    if (chance(0.4)) {
      TimeWindow w = pick(CHANGED_WINDOWS);
      exclude(
          "immunosuppressant-change",
          "I started or changed an immunosuppressant in the last " + w + ".",
          new MedicationChanged(med("immunosuppressant", "an immunosuppressant"), w));
    }
    if (d.lupus && chance(0.2)) {
      exclude(
          "nephritis-cyclophosphamide",
          "I have lupus nephritis treated with cyclophosphamide in the last 6 months.",
          new And(
              List.of(
                  Diagnosis.present(new Condition("lupus-nephritis", Text.of("lupus nephritis"))),
                  new MedicationTaken(
                      med("cyclophosphamide", "cyclophosphamide"), TimeWindow.months(6)))));
    }
    if (d.lupus && chance(0.5)) {
      exclude(
          "cns-lupus",
          "My lupus affects my brain and thinking.",
          selfReport(
              "active-cns-lupus",
              "Has a doctor told you that your lupus is currently affecting your brain?",
              Topic.DIAGNOSIS));
    }
    for (String[] s : SELF_REPORTS) {
      if (chance(0.2)) {
        exclude(
            s[0], "Sponsor criterion: " + s[0] + ".", selfReport(s[0], s[1], Topic.HEALTH_HISTORY));
      }
    }
    if (chance(0.03)) {
      exclude(
          "lab-values",
          "My recent blood tests are outside the ranges the study allows.",
          new CoordinatorCheck(Text.of("This needs your recent blood test results.")));
    }

    Collections.shuffle(inclusions, random);
    Collections.shuffle(exclusions, random);
    List<Criterion> all = new ArrayList<>(inclusions.size() + exclusions.size());
    all.addAll(inclusions);
    all.addAll(exclusions);
    return new TrialCriteria(trialId, all);
  }

  // ---- helpers ----

  private Disease pickDisease() {
    double x = random.nextDouble() * totalWeight;
    for (Disease d : DISEASES) {
      x -= d.weight;
      if (x < 0) {
        return d;
      }
    }
    return DISEASES.get(0);
  }

  private void include(String id, String text, Rule rule) {
    inclusions.add(Criterion.inclusion(uniqueId(id), Text.of(text), rule));
  }

  private void exclude(String id, String text, Rule rule) {
    exclusions.add(Criterion.exclusion(uniqueId(id), Text.of(text), rule));
  }

  private String uniqueId(String id) {
    String candidate = id;
    for (int n = 2; !ids.add(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static Medication med(String id, String label) {
    return new Medication(id, Text.of(label));
  }

  private static SelfReport selfReport(String id, String question, Topic topic) {
    return new SelfReport(id, Text.of(question), topic);
  }

  private static TimeWindow[] windows(String... periods) {
    TimeWindow[] w = new TimeWindow[periods.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = TimeWindow.parse(periods[i]);
    }
    return w;
  }

  private static Classification classification(String id, String name, int items) {
    List<Text> texts = new ArrayList<>(items);
    for (int i = 1; i <= items; i++) {
      texts.add(Text.of("Criterion " + i + " of " + name));
    }
    return new Classification(id, Text.of(name), texts);
  }

  private static Score score(String id, String name, int max) {
    return new Score(id, Text.of(name), max);
  }
}
