package org.opentrials.portal.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.testing.EveryRuleKind;
import org.opentrials.portal.eligibility.testing.Misle;

class CriteriaJsonTest {

  @Test
  void roundTripsEveryKind() {
    TrialCriteria original = EveryRuleKind.trial();
    String json = CriteriaJson.encode(original);
    TrialCriteria decoded = CriteriaJson.decode(json);
    assertThat(decoded).isEqualTo(original);
    assertThat(CriteriaJson.encode(decoded)).isEqualTo(json);
    assertThat(json)
        .contains("\"kind\": \"medication-dose\"")
        .contains("\"within\": \"2 weeks\"")
        .contains("\"mgPerKgPerDayAbove\": 0.5")
        .contains("\"mgPerKgPerDayAbove\": 1");
  }

  @Test
  void misleFileDecodesAndRoundTrips() {
    TrialCriteria misle = Misle.criteria();
    assertThat(misle.trialId()).isEqualTo("NCT02633163");
    assertThat(misle.criteria())
        .extracting(Criterion::id)
        .containsExactly(
            "acr-criteria",
            "age",
            "active-lupus",
            "nephritis-treated",
            "dialysis",
            "recent-cancer",
            "cns-lupus",
            "hiv-hepatitis",
            "tuberculosis",
            "recent-biologic",
            "high-dose-prednisone",
            "immunosuppressant-change",
            "pregnancy",
            "no-contraception",
            "organ-transplant",
            "unstable-condition");
    assertThat(misle.criteria().stream().filter(Criterion::isInclusion)).hasSize(4);
    assertThat(CriteriaJson.decode(CriteriaJson.encode(misle))).isEqualTo(misle);
  }

  static String withRule(String ruleJson) {
    return "{\"format\":1,\"trial\":\"T-1\",\"criteria\":["
        + "{\"id\":\"first\",\"type\":\"inclusion\",\"text\":\"First\",\"rule\":{\"kind\":\"dialysis\"}},"
        + "{\"id\":\"second\",\"type\":\"exclusion\",\"text\":\"Second\",\"rule\":"
        + ruleJson
        + "}]}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"kind\":\"age-range\",\"min\":18} | $.criteria[1].rule.kind: unknown rule kind \"age-range\"",
        "{\"kind\":\"age\",\"min\":70,\"max\":65} | $.criteria[1].rule: minimum age 70 is above maximum age 65",
        "{\"kind\":\"age\",\"mni\":18} | $.criteria[1].rule: unknown field \"mni\" for kind age (expected: kind, min, max)",
        "{\"kind\":\"age\",\"min\":\"18\"} | $.criteria[1].rule.min: expected a whole number, but was the string \"18\"",
        "{\"kind\":\"age\",\"min\":18.5} | $.criteria[1].rule.min: expected a whole number, but was the number 18.5",
        "{\"kind\":\"or\",\"rules\":[{\"kind\":\"medication-taken\",\"medication\":{\"id\":\"x\",\"label\":\"X\"},\"within\":\"2 moons\"},{\"kind\":\"dialysis\"}]} | $.criteria[1].rule.rules[0].within: expected a period like \"2 months\"",
        "{\"kind\":\"medication-taken\",\"medication\":{\"id\":\"Belimumab\",\"label\":\"B\"},\"within\":\"2 months\"} | $.criteria[1].rule.medication: medication id must be",
        "{\"kind\":\"medication-taken\",\"medication\":{\"id\":\"b\"},\"within\":\"2 months\"} | $.criteria[1].rule.medication.label: is missing",
        "{\"kind\":\"positive-test\",\"infections\":[\"hiv\",\"flu\"]} | $.criteria[1].rule.infections[1]: unknown infection \"flu\"",
        "{\"kind\":\"positive-test\",\"infections\":[]} | $.criteria[1].rule.infections: a positive-test rule needs at least one infection",
        "{\"kind\":\"sex\",\"allowed\":\"women\"} | $.criteria[1].rule.allowed: unknown sex \"women\"",
        "{\"kind\":\"self-report\",\"id\":\"x\",\"question\":{\"EN\":\"Q?\"}} | $.criteria[1].rule.question: text language must be",
        "{\"kind\":\"self-report\",\"id\":\"x\",\"question\":\"Q?\",\"topic\":\"misc\"} | $.criteria[1].rule.topic: unknown topic \"misc\"",
        "{\"kind\":\"coordinator-check\",\"reason\":\"\"} | $.criteria[1].rule.reason: text in \"en\" is blank",
        "{\"kind\":\"medication-dose\",\"medication\":{\"id\":\"p\",\"label\":\"P\"},\"mgPerKgPerDayAbove\":-1,\"within\":\"1 month\"} | $.criteria[1].rule.mgPerKgPerDayAbove: dose threshold must be above 0",
        "{\"kind\":\"condition-within\",\"condition\":{\"id\":\"cancer\",\"label\":\"cancer\"},\"within\":\"5 years\",\"except\":[{\"id\":\"other\",\"label\":\"x\"}]} | $.criteria[1].rule.except[0]: kind id \"other\" is reserved",
        "{\"kind\":\"diagnosis\",\"condition\":{\"id\":\"sle\",\"label\":\"SLE\"},\"confirmedBy\":{\"classification\":{\"id\":\"acr\",\"name\":\"ACR\",\"items\":[\"a\",\"b\"]},\"atLeast\":3}} | $.criteria[1].rule.confirmedBy.atLeast: at least 1 to 2 of the classification's items can be required, not 3",
        "{\"kind\":\"and\",\"rules\":[{\"kind\":\"dialysis\"}]} | $.criteria[1].rule.rules: \"and\" needs at least two rules",
        "{\"kind\":\"not\"} | $.criteria[1].rule.rule: is missing",
        "[1] | $.criteria[1].rule: expected an object, but was an array"
      })
  void errorsNameThePath(String rule, String expectedStart) {
    assertThatThrownBy(() -> CriteriaJson.decode(withRule(rule)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(expectedStart);
  }

  @Test
  void documentLevelErrors() {
    assertThatThrownBy(() -> CriteriaJson.decode("{\"trial\":\"T\",\"criteria\":["))
        .hasMessageStartingWith("$: not valid JSON");
    assertThatThrownBy(() -> CriteriaJson.decode("[]"))
        .hasMessageStartingWith("$: expected a JSON object");
    assertThatThrownBy(() -> CriteriaJson.decode("{\"format\":2,\"trial\":\"T\",\"criteria\":[]}"))
        .hasMessageStartingWith("$.format: unsupported format 2");
    assertThatThrownBy(() -> CriteriaJson.decode("{\"trial\":\"T\"}"))
        .hasMessage("$.criteria: is missing");
    assertThatThrownBy(() -> CriteriaJson.decode("{\"trial\":\"T x\",\"criteria\":[]}"))
        .hasMessageStartingWith("$: trial id must be");
    String duplicate =
        "{\"trial\":\"T\",\"criteria\":["
            + "{\"id\":\"a\",\"type\":\"inclusion\",\"text\":\"A\",\"rule\":{\"kind\":\"dialysis\"}},"
            + "{\"id\":\"a\",\"type\":\"exclusion\",\"text\":\"A\",\"rule\":{\"kind\":\"dialysis\"}}]}";
    assertThatThrownBy(() -> CriteriaJson.decode(duplicate))
        .hasMessage("$: criterion id \"a\" is used twice");
    String badType =
        "{\"trial\":\"T\",\"criteria\":[{\"id\":\"a\",\"type\":\"must\",\"text\":\"A\",\"rule\":{\"kind\":\"dialysis\"}}]}";
    assertThatThrownBy(() -> CriteriaJson.decode(badType))
        .hasMessageStartingWith("$.criteria[0].type: unknown criterion type \"must\"");
  }

  @Test
  void formatVersionIsOptionalOnInput() {
    TrialCriteria t = CriteriaJson.decode("{\"trial\":\"T\",\"criteria\":[]}");
    assertThat(t.criteria()).isEmpty();
  }
}
