package org.opentrials.portal.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedJsonTest {

  @Test
  void readsAnOrdinaryObject() {
    assertThat(BoundedJson.readObject(" {\"answers\": {\"age\": 34, \"w\": [1, 2]}}\n "))
        .containsKey("answers");
  }

  @Test
  void refusesDeepNestingWithoutOverflowing() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> BoundedJson.readObject(deep))
        .isInstanceOf(BoundedJson.Refused.class)
        .hasMessageContaining("nested more than 16 levels");
  }

  @Test
  void refusesHugeNumbers() {
    String big = "{\"answers\":{\"age\":" + "9".repeat(1101) + "}}";
    assertThatThrownBy(() -> BoundedJson.readObject(big))
        .isInstanceOf(BoundedJson.Refused.class)
        .hasMessageContaining("number longer than");
    assertThatThrownBy(() -> BoundedJson.readObject("{\"a\":1e999999999}"))
        .isInstanceOf(BoundedJson.Refused.class);
  }

  @Test
  void refusesTrailingGarbage() {
    assertThatThrownBy(() -> BoundedJson.readObject("{\"answers\":{}} garbage"))
        .isInstanceOf(BoundedJson.Refused.class)
        .hasMessageContaining("after the JSON object");
    assertThatThrownBy(() -> BoundedJson.readObject("{\"answers\":{}} {}"))
        .isInstanceOf(BoundedJson.Refused.class);
  }

  @Test
  void refusesWhatIsNotAnObject() {
    for (String s : new String[] {"", "[]", "42", "\"x\"", "{", "{\"a\":}", "\u0000", "nul"}) {
      assertThatThrownBy(() -> BoundedJson.readObject(s))
          .as(s)
          .isInstanceOf(BoundedJson.Refused.class);
    }
  }
}
