package org.opentrials.portal.eligibility.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.criteria.Truth.FALSE;
import static org.opentrials.portal.eligibility.criteria.Truth.TRUE;
import static org.opentrials.portal.eligibility.criteria.Truth.UNKNOWN;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TruthTest {

  @ParameterizedTest(name = "{0} and {1} = {2}")
  @CsvSource({
    "TRUE,    TRUE,    TRUE",
    "TRUE,    FALSE,   FALSE",
    "TRUE,    UNKNOWN, UNKNOWN",
    "FALSE,   TRUE,    FALSE",
    "FALSE,   FALSE,   FALSE",
    "FALSE,   UNKNOWN, FALSE",
    "UNKNOWN, TRUE,    UNKNOWN",
    "UNKNOWN, FALSE,   FALSE",
    "UNKNOWN, UNKNOWN, UNKNOWN"
  })
  void andIsKleene(Truth a, Truth b, Truth expected) {
    assertThat(a.and(b)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} or {1} = {2}")
  @CsvSource({
    "TRUE,    TRUE,    TRUE",
    "TRUE,    FALSE,   TRUE",
    "TRUE,    UNKNOWN, TRUE",
    "FALSE,   TRUE,    TRUE",
    "FALSE,   FALSE,   FALSE",
    "FALSE,   UNKNOWN, UNKNOWN",
    "UNKNOWN, TRUE,    TRUE",
    "UNKNOWN, FALSE,   UNKNOWN",
    "UNKNOWN, UNKNOWN, UNKNOWN"
  })
  void orIsKleene(Truth a, Truth b, Truth expected) {
    assertThat(a.or(b)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "not {0} = {1}")
  @CsvSource({"TRUE, FALSE", "FALSE, TRUE", "UNKNOWN, UNKNOWN"})
  void notIsKleene(Truth a, Truth expected) {
    assertThat(a.not()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"true, TRUE", "false, FALSE"})
  void ofBoolean(boolean b, Truth expected) {
    assertThat(Truth.of(b)).isEqualTo(expected);
    assertThat(UNKNOWN).isNotIn(TRUE, FALSE);
  }
}
