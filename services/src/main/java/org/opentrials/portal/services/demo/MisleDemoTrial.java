package org.opentrials.portal.services.demo;

import static org.opentrials.portal.domain.trial.CriterionKind.EXCLUSION;
import static org.opentrials.portal.domain.trial.CriterionKind.INCLUSION;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.AgeLimit;
import org.opentrials.portal.domain.trial.Approval;
import org.opentrials.portal.domain.trial.ArmGroup;
import org.opentrials.portal.domain.trial.ArmGroupType;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.Dose;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.Intervention;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.Reference;
import org.opentrials.portal.domain.trial.Sex;
import org.opentrials.portal.domain.trial.SpanishTexts;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.SupportLevel;
import org.opentrials.portal.domain.trial.Trial;

/**
 * The MiSLE trial (NCT02633163) exactly as the two pages in shared/seeds state it: the
 * patient-facing listing and Cedars-Sinai's page for its site. Nothing is added that those pages do
 * not say: a site the listing names only by its city has only a city, the status has no
 * verification date because neither page gives one, and the criteria the listing hides behind "+N
 * more" are the ones its summary, FAQ and the hospital page spell out, completed from the public
 * ClinicalTrials.gov record so that the counts match the listing's "+3 more" for inclusion (six in
 * all); of its sixteen exclusions the record as read names fifteen, so "+12 more" is shown, not an
 * invented sixteenth. The FAQ answers end with the listing's reference markers.
 */
public final class MisleDemoTrial {
  public static final NctNumber NCT = NctNumber.of("NCT02633163");

  /**
   * When the pages were copied: the demo's dates are checked against this day, not against the day
   * the demo is loaded.
   */
  private static final Clock WRITTEN =
      Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

  private MisleDemoTrial() {}

  public static Trial trial() {
    Trial t =
        new Trial(
            NCT,
            "Mesenchymal Stem Cells for Lupus",
            StudyType.INTERVENTIONAL,
            OverallStatus.RECRUITING,
            "Medical University of South Carolina");
    t.identify("MiSLE", "Mesenchymal Stem Cells for Lupus", null);
    t.changeStatus(OverallStatus.RECRUITING, null, WRITTEN);
    t.classify(Set.of(Phase.PHASE2), List.of("Systemic Lupus Erythematosus"), List.of());
    t.plan(null, null, 4, LocalDate.of(2025, 8, 31));
    t.sponsoredBy("Medical University of South Carolina", List.of(), "Gary S. Gilkeson, MD");
    t.describe(
        """
        This study focuses on individuals who have moderate to severely active systemic lupus \
        erythematosus (SLE). The purpose of the study is to evaluate the efficacy and safety of \
        mesenchymal stem cells (MSCs) obtained from umbilical cords for the treatment of adults with \
        active SLE. Treatments for SLE remain inadequate with significant side effects, especially for \
        women of childbearing potential; there is a significant need for safer and more effective \
        therapies.

        The MSCs used in this study are cells that are obtained from the umbilical cords of healthy \
        donors having an elective Caesarean section and who have been screened to be free of \
        infectious diseases. The investigational cells will be collected and processed so that they \
        can be used as an infusion treatment. Participants will be randomly assigned (in a 2:1 ratio) \
        to receive either MSCs or placebo (inactive substance) infusions. Researchers aim to determine \
        whether patients receiving an MSC infusion in addition to standard of care for SLE respond \
        better than those receiving placebo infusion.\
        """,
        """
        The purpose of this study is to evaluate the efficacy and safety of mesenchymal stem cells \
        (MSCs) obtained from umbilical cords for the treatment of adults with systemic lupus \
        erythematosus (SLE). The goal of this study is to determine if patients receiving an MSC \
        infusion plus standard of care respond better than patients receiving placebo infusion plus \
        standard of care.\
        """,
        """
        The trial is testing the effectiveness of two different doses of Mesenchymal Stem Cells from \
        umbilical cords against a placebo. All participants will continue their standard lupus \
        treatments. The main goal is to see if those who get the stem cells show more improvement \
        than those who get the placebo.\
        """);
    t.offer(SupportLevel.MAY_BE_COVERED, SupportLevel.VARIES, true, true);
    t.replaceFaq(faq());
    t.defineEligibility(
        """
        Adults aged 18-65 with active Systemic Lupus Erythematosus (SLE), evidenced by specific \
        antibody tests and a minimum SLEDAI score, can join. They must have been on standard therapy \
        for lupus nephritis if present. Exclusions include severe kidney issues, certain infections \
        like HIV or TB, recent cancer (except some skin cancers/cervical carcinoma in situ), \
        pregnancy/breastfeeding without contraception use, major organ transplants, unstable medical \
        conditions, high steroid use recently or changes in immunosuppressants.\
        """,
        AgeLimit.years(18),
        AgeLimit.years(65),
        Sex.ALL,
        false,
        criteria());
    t.replaceArmGroups(arms());
    t.replaceApprovals(
        List.of(
            new Approval(
                "High Dose Mesenchymal Stem Cells (MSCs)",
                "CN",
                "Mesenchymal Stem Cells",
                List.of("Systemic Lupus Erythematosus (SLE)", "Lupus Nephritis")),
            new Approval(
                "High Dose Mesenchymal Stem Cells (MSCs)",
                "US",
                "Umbilical Cord-Derived Mesenchymal Stem Cells",
                List.of("Refractory Systemic Lupus Erythematosus (SLE)"))));
    t.replaceReferences(references());
    t.replaceContent(t.content().withSpanish(spanish()));
    t.publish();
    return t;
  }

  /**
   * The Spanish texts sponsor staff wrote: title, summaries and group names. The FAQ and the
   * eligibility summary are left in English, as a trial's translation often is at first.
   */
  private static SpanishTexts spanish() {
    return new SpanishTexts(
        "Células madre mesenquimales para el lupus",
        """
        El propósito de este estudio es evaluar la eficacia y la seguridad de las células madre \
        mesenquimales (MSC) obtenidas de cordones umbilicales para tratar a adultos con lupus \
        eritematoso sistémico (LES). El objetivo es saber si los pacientes que reciben una infusión \
        de MSC además de su tratamiento habitual responden mejor que los que reciben una infusión de \
        placebo además de su tratamiento habitual. El tratamiento es experimental.""",
        """
        El ensayo compara dos dosis distintas de células madre mesenquimales de cordón umbilical con \
        un placebo. Todos los participantes siguen con su tratamiento habitual para el lupus. El \
        objetivo principal es ver si quienes reciben las células madre mejoran más que quienes \
        reciben el placebo.""",
        null,
        List.of(),
        List.of(
            new SpanishTexts.GroupText(
                "Grupo I: dosis baja de células madre mesenquimales (MSC)", null),
            new SpanishTexts.GroupText(
                "Grupo II: dosis alta de células madre mesenquimales (MSC)", null),
            new SpanishTexts.GroupText("Grupo III: solución Plasma-Lyte A", null)));
  }

  private static List<FaqEntry> faq() {
    return List.of(
        new FaqEntry(
            "Do I have to stop taking my current medications to join the trial?",
            """
            The trial protocol does not specify if you must stop all current medications. However, \
            you cannot change or add to your immunosuppressant regimen within 3 months of the Baseline \
            visit, and you must not have used prednisone >0.5 mg/kg/day within 1 month of the Baseline \
            visit. Also, you should not have received certain biologic therapies like belimumab within \
            2 months or rituximab within 6 months of the Baseline visit.\
            """),
        new FaqEntry(
            "What data supports the idea that Mesenchymal Stem Cells for Lupus is an effective"
                + " treatment?",
            """
            The available research shows that umbilical cord-derived mesenchymal stem cells (MSCs) have \
            been tested in patients with severe and difficult-to-treat lupus. These studies found that \
            MSCs were safe and had positive effects on the condition. For example, one study reported \
            clinical improvements in patients who had not responded to other treatments for at least \
            six months. Another study highlighted the potential of MSCs to help regulate the immune \
            system, which is important in managing lupus. Overall, these findings suggest that MSCs \
            could be a promising option for people with lupus who have not had success with other \
            treatments. [1][2][3][4][5]\
            """),
        new FaqEntry(
            "What safety data is available for mesenchymal stem cell treatment in lupus?",
            """
            The long-term safety of umbilical cord-derived mesenchymal stem cells (UC MSCs) for \
            treating systemic lupus erythematosus (SLE) has been demonstrated in a 6-year follow-up \
            study. In this study, nine patients with refractory SLE received UC MSCs infusions and were \
            monitored for adverse events and changes in health markers. Only one patient experienced \
            mild dizziness and warmth shortly after infusion, which resolved quickly. No other adverse \
            events were reported, and there were no significant changes in blood counts, liver \
            function, electrocardiogram, chest radiography, or serum tumor markers over the 6-year \
            period. This suggests a good safety profile for UC MSCs in SLE patients. [1][4][5][6][7]\
            """),
        new FaqEntry(
            "Is the treatment using Mesenchymal Stem Cells (MSCs) promising for lupus?",
            """
            Yes, the treatment using Mesenchymal Stem Cells (MSCs) is promising for lupus. Studies \
            show that these cells, derived from umbilical cords, have a good safety profile and can \
            help improve symptoms in patients with severe and hard-to-treat lupus. They have shown \
            positive effects in regulating the immune system, which is beneficial for managing \
            lupus. [1][2][3][4][5]\
            """));
  }

  private static List<CriterionText> criteria() {
    return List.of(
        new CriterionText(
            INCLUSION,
            "Historical presence of at least 4 of 11 of the ACR Classification Criteria",
            "Historical presence of at least 4 of 11 of the American College of Rheumatology "
                + "classification criteria for systemic lupus erythematosus",
            true),
        new CriterionText(INCLUSION, "I am between 18 and 65 years old.", "18-65 years old", true),
        new CriterionText(
            INCLUSION,
            "My lupus is active despite treatment, as shown by specific lupus activity scores.",
            "Clinically active SLE",
            true),
        new CriterionText(
            INCLUSION,
            "I have had a positive lupus antibody test (ANA or anti-dsDNA) in the 6 months before"
                + " screening.",
            null,
            false),
        new CriterionText(
            INCLUSION,
            "If I have lupus nephritis, I have been on standard therapy for it.",
            null,
            false),
        new CriterionText(
            INCLUSION, "I am able and willing to give written informed consent.", null, false),
        new CriterionText(
            EXCLUSION,
            "I have lupus affecting my kidneys and need dialysis.",
            "Active lupus nephritis requiring dialysis",
            true),
        new CriterionText(
            EXCLUSION,
            "I have had cancer in the last 5 years, other than certain skin cancers or cervical pre-cancer.",
            null,
            false),
        new CriterionText(
            EXCLUSION,
            "My lupus affects my brain and thinking.",
            "Active central nervous system lupus affecting mental status",
            true),
        new CriterionText(
            EXCLUSION,
            "I have HIV, hepatitis B or hepatitis C.",
            "Evidence of infection with human immunodeficiency virus, hepatitis B or hepatitis C",
            true),
        new CriterionText(EXCLUSION, "I have tuberculosis (TB).", null, false),
        new CriterionText(
            EXCLUSION,
            "I received belimumab in the last 2 months, or rituximab or another biologic in the"
                + " last 6 months.",
            "Having received belimumab within 2 months, or rituximab or other biologics within 6"
                + " months",
            true),
        new CriterionText(
            EXCLUSION,
            "I took more than 0.5 mg/kg/day of prednisone in the last month.",
            null,
            false),
        new CriterionText(
            EXCLUSION,
            "I started or changed an immunosuppressant in the last 3 months.",
            null,
            false),
        new CriterionText(EXCLUSION, "I am pregnant or breastfeeding.", null, false),
        new CriterionText(
            EXCLUSION, "I could become pregnant and I am not using contraception.", null, false),
        new CriterionText(
            EXCLUSION,
            "My blood tests show very low kidney function or blood counts, or high liver enzymes.",
            null,
            false),
        new CriterionText(
            EXCLUSION,
            "I had shingles in the last 90 days, or an infection that needed a hospital stay or"
                + " antibiotic injections in the last 60 days.",
            null,
            false),
        new CriterionText(
            EXCLUSION,
            "I have a clinically significant abnormality on an ECG or a chest X-ray.",
            null,
            false),
        new CriterionText(EXCLUSION, "I have had a major organ transplant.", null, false),
        new CriterionText(EXCLUSION, "I have an unstable medical condition.", null, false));
  }

  private static List<ArmGroup> arms() {
    return List.of(
        new ArmGroup(
            "Group I: Low Dose Mesenchymal Stem Cells (MSCs)",
            ArmGroupType.EXPERIMENTAL,
            null,
            List.of(
                new Intervention(
                    "Mesenchymal Stem Cells (MSCs)",
                    InterventionType.BIOLOGICAL,
                    new Dose(new BigDecimal("1000000"), "cells", true),
                    "in Plasma-Lyte A solution"))),
        new ArmGroup(
            "Group II: High Dose Mesenchymal Stem Cells (MSCs)",
            ArmGroupType.EXPERIMENTAL,
            null,
            List.of(
                new Intervention(
                    "Mesenchymal Stem Cells (MSCs)",
                    InterventionType.BIOLOGICAL,
                    new Dose(new BigDecimal("5000000"), "cells", true),
                    "in Plasma-Lyte A solution"))),
        new ArmGroup(
            "Group III: Plasma Lyte A Solution",
            ArmGroupType.PLACEBO_COMPARATOR,
            null,
            List.of(
                new Intervention(
                    "Placebo Infusion",
                    InterventionType.OTHER,
                    null,
                    "Plasma-Lyte A solution only"))));
  }

  private static List<Reference> references() {
    return List.of(
        new Reference(
            "Umbilical cord mesenchymal stem cell transplantation in active and refractory systemic"
                + " lupus erythematosus: a multicenter clinical study.",
            2022,
            "In our present single-center pilot study, umbilical cord (UC)-derived mesenchymal stem"
                + " cells (MSCs) had a good safety profile and therapeutic effect in severe and"
                + " refractory systemic lupus erythematosus (SLE). The present multicenter clinical"
                + " trial was undertaken to assess the safety and efficacy of allogeneic UC MSC"
                + " transplantation (MSCT) in patients with active and refractory SLE.",
            null,
            null,
            null,
            WRITTEN),
        new Reference(
            "Safety, immunological effects and clinical response in a phase I trial of umbilical"
                + " cord mesenchymal stromal cells in patients with treatment refractory SLE.",
            2022,
            "Reports of clinical improvement following mesenchymal stromal cell (MSC) infusions in"
                + " refractory lupus patients at a single centre in China led us to perform an"
                + " explorative phase I trial of umbilical cord derived MSCs in patients refractory"
                + " to 6 months of immunosuppressive therapy.",
            null,
            null,
            null,
            WRITTEN),
        new Reference(
            "[Therapeutic effects of umbilical cord mesenchymal stem cells transplantation on"
                + " systemic lupus erythematosus].",
            2018,
            "To observe the efficacy of umbilical cord mesenchymal stem cells (UC-MSCs)"
                + " transplantation for the patients with refractory systemic lupus erythematosus"
                + " (SLE).",
            null,
            null,
            null,
            WRITTEN),
        new Reference(
            "Umbilical cord mesenchymal stem cell transplantation in severe and refractory systemic"
                + " lupus erythematosus.",
            2022,
            "Umbilical cord (UC)-derived mesenchymal stem cells (MSCs) have shown marked"
                + " therapeutic effects in a number of diseases in animal studies, based on their"
                + " potential for self-renewal and differentiation. No data are available on the"
                + " effectiveness of UC MSC transplantation (MSCT) in human autoimmune disease."
                + " This study was undertaken to assess the efficacy and safety of allogeneic UC"
                + " MSCT in patients with severe and treatment-refractory systemic lupus"
                + " erythematosus (SLE).",
            null,
            null,
            null,
            WRITTEN),
        new Reference(
            "The regulation of the Treg/Th17 balance by mesenchymal stem cells in human systemic"
                + " lupus erythematosus.",
            2022,
            "Umbilical cord (UC)-derived mesenchymal stem cells (MSCs) have shown immunoregulation"
                + " of various immune cells. The aim of this study was to investigate the mechanism"
                + " of UC MSCs in the regulation of peripheral regulatory T cells (Treg) and T"
                + " helper 17 (Th17) cells in patients with systemic lupus erythematosus (SLE).",
            null,
            null,
            null,
            WRITTEN),
        new Reference(
            "Long-term safety of umbilical cord mesenchymal stem cells transplantation for systemic"
                + " lupus erythematosus: a 6-year follow-up study.",
            2022,
            LONG_TERM_SAFETY_ABSTRACT,
            null,
            null,
            null,
            WRITTEN),
        new Reference(
            "hUC-MSC transplantation therapy effects on lupus-prone MRL/lpr mice at early disease "
                + "stages.",
            2023,
            "The efficacy of human umbilical cord mesenchymal stem cell (hUC-MSC) transplantation"
                + " in treating systemic lupus erythematosus (SLE) has been confirmed by"
                + " small-scale clinical trials. However, these trials focused on severe or"
                + " refractory SLE, while few studies focused on mild SLE. Therefore, this study"
                + " focused on the therapeutic effects of hUC-MSC transplantation in early-stage or"
                + " mild MRL/lpr lupus model mice.",
            null,
            null,
            null,
            WRITTEN));
  }

  private static final String LONG_TERM_SAFETY_ABSTRACT =
      """
      The aim of this study is to assess the long-term safety of allogeneic umbilical cord mesenchymal stem \
      cells (UC MSCs) transplantation for patients with refractory systemic lupus erythematosus (SLE). Nine \
      SLE patients, who were refractory to steroid and immunosuppressive drugs treatment and underwent MSCs \
      transplantation in 2009, were enrolled. One million allogeneic UC MSCs per kilogram of body weight \
      were infused intravenously at days 0 and 7. The possible adverse events, including immediately after \
      MSCs infusions, as well as the long-term safety profiles were observed. Blood and urine routine test, \
      liver function, electrocardiogram, chest radiography and serum levels of tumor markers, including \
      alpha fetal protein (AFP), cancer embryo antigen (CEA), carbohydrate antigen 155 (CA155) and CA199, \
      were assayed before and 1, 2, 4 and 6 years after MSCs transplantation. All the patients completed \
      two times of MSCs infusions. One patient had mild dizzy and warm sensation 5 min after MSCs infusion, \
      and the symptoms disappeared quickly. No other adverse event, including fluster, headache, nausea or \
      vomit, was observed. There was no change in peripheral white blood cell count, red blood cell count \
      and platelet number in these patients after followed up for 6 years. Liver functional analysis showed \
      that serum alanine aminotransferase, glutamic-oxalacetic transaminase, total bilirubin and direct \
      bilirubin remained in normal range after MSCs infusions. No newly onset abnormality was detected on \
      electrocardiogram and chest radiography. Moreover, we found no rise of serum tumor markers, including \
      AFP, CEA, CA125 and CA199, before and 6 years after MSCs infusions. Our long-term observational study \
      demonstrated a good safety profile of allogeneic UC MSCs in SLE patients.\
      """;

  /**
   * The sites: the four the listing names with facility and city, Palo Alto (the listing's nearest
   * recruiting location, named only by its city) and Cedars-Sinai (the hospital page). The listing
   * counts nine locations in all; the three it does not name are not invented here.
   */
  public static List<Site> sites() {
    Site musc =
        site(
            "medical-university-of-south-carolina",
            "Medical University of South Carolina",
            "Charleston",
            "SC");
    Site ucsd =
        site(
            "university-of-california-san-diego",
            "University of California - San Diego",
            "San Diego",
            "CA");
    Site northwestern = site("northwestern-university", "Northwestern University", "Chicago", "IL");
    Site feinstein =
        site(
            "feinstein-institute",
            "The Feinstein Institute for Medical Research",
            "Manhasset",
            "NY");
    Site paloAlto = new Site(NCT, "palo-alto", null, "Palo Alto", null, null, null);
    paloAlto.changeStatus(SiteStatus.RECRUITING, null, WRITTEN);
    Site cedars = site("cedars-sinai", "Cedars-Sinai Medical Center", "Los Angeles", "CA");
    cedars.changePeople(
        "Mariko Ishimori, MD",
        new SiteContact("Bonnie Paul", "310-423-2422", "bonnie.paul@cshs.org"));
    cedars.retitle(
        "A Phase II Study Evaluating the Safety and Feasibility of Allogeneic Umbilical Cord"
            + " Derived Mesenchymal Stromal cells (MSC) for the Treatment of Adults With Treatment"
            + " Refractory Lupus (IRB no. 39875)");
    return List.of(paloAlto, musc, ucsd, northwestern, feinstein, cedars);
  }

  private static Site site(String slug, String facility, String city, String state) {
    Site s = new Site(NCT, slug, facility, city, state, null, "United States");
    s.changeStatus(SiteStatus.RECRUITING, null, WRITTEN);
    return s;
  }
}
