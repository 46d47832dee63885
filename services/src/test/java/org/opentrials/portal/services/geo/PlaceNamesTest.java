package org.opentrials.portal.services.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceNamesTest {

  @ParameterizedTest(name = "\"{0}\" = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Palo Alto            | palo alto",
        "  PALO   alto        | Palo Alto",
        "Pálo Áltö            | Palo Alto",
        "Añasco               | Anasco",
        "San José             | San Jose",
        "St. Louis            | Saint Louis",
        "ST LOUIS             | Saint Louis",
        "Ste. Genevieve       | Sainte Genevieve",
        "Mt. Vernon           | Mount Vernon",
        "Ft Myers             | Fort Myers",
        "McLean               | Mc Lean",
        "Winston-Salem        | Winston Salem",
        "Lee's Summit         | Lees Summit",
        "Coeur d’Alene        | Coeur D Alene",
        "O'Fallon             | O Fallon",
        "Ｐａｌｏ Ａｌｔｏ    | Palo Alto",
      })
  void sameKey(String typed, String data) {
    assertThat(PlaceNames.key(typed)).isEqualTo(PlaceNames.key(data)).isNotEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" <> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Springfield | Springfeld",
        "Stanford    | Saintanford", // St only as a word of its own
        "Mtn Home    | Mount Home",
        "Stewart     | Saintewart",
      })
  void differentKeys(String a, String b) {
    assertThat(PlaceNames.key(a)).isNotEqualTo(PlaceNames.key(b));
  }

  @Test
  void wordsAreLowerCaseWithoutAccentsPunctuationOrAbbreviations() {
    assertThat(PlaceNames.words("  St. Mary's-on-the-Lake, MT "))
        .containsExactly("saint", "mary", "s", "on", "the", "lake", "mount");
    assertThat(PlaceNames.words(null)).isEmpty();
    assertThat(PlaceNames.words(" ,.- ")).isEmpty();
    assertThat(PlaceNames.key(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "St St Ste Mt Ft",
        "st.ste.mt.ft",
        "Sault Ste. Marie",
        "A B C",
        "Ñandú-St",
        "x",
        "",
        "115 Crm Firms",
        "Ft",
      })
  void keyIsTheWordsGluedTogether(String name) {
    assertThat(PlaceNames.key(name)).isEqualTo(String.join("", PlaceNames.words(name)));
  }

  @Test
  void statesByCodeOrName() {
    assertThat(UsStates.code("CA")).isEqualTo("CA");
    assertThat(UsStates.code(" ca ")).isEqualTo("CA");
    assertThat(UsStates.code("California")).isEqualTo("CA");
    assertThat(UsStates.code("south  CAROLINA")).isEqualTo("SC");
    assertThat(UsStates.code("D.C.")).isEqualTo("DC");
    assertThat(UsStates.code("District of Columbia")).isEqualTo("DC");
    assertThat(UsStates.code("Puerto Rico")).isEqualTo("PR");
    assertThat(UsStates.code("XX")).isNull();
    assertThat(UsStates.code("Carolina")).isNull();
    assertThat(UsStates.code(null)).isNull();
  }
}
