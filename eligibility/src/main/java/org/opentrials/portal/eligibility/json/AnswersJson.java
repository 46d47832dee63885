package org.opentrials.portal.eligibility.json;

import static org.opentrials.portal.eligibility.json.JsonSupport.PROVIDER;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.DontKnow;
import org.opentrials.portal.eligibility.answers.AnswerValue.Never;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.json.JsonSupport.Obj;
import org.opentrials.portal.eligibility.json.JsonSupport.PathException;
import org.opentrials.portal.eligibility.questions.AnswerForm;
import org.opentrials.portal.eligibility.questions.FormResult;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Questionnaire;

/**
 * Encodes {@link Answers} as a JSON object keyed by question id, and decodes such an object against
 * a questionnaire, for the pre-screening JSON API:
 *
 * <pre>{@code
 * {
 *   "age": 34,
 *   "diagnosis.sle": "yes",
 *   "medication.belimumab.last-taken": "never",
 *   "medication.prednisone.last-taken": "2026-06-01",
 *   "weight": {"value": 154, "unit": "lb"},
 *   "medication.prednisone.daily-dose": {"value": 40, "unit": "mg"},
 *   "infection.hiv": "dont-know"
 * }
 * }</pre>
 *
 * <p>Values follow {@link AnswerForm}'s conventions ({@code "yes"}, {@code "no"}, option values,
 * {@code "never"}, {@code "dont-know"}, ISO dates); yes/no may also be JSON booleans, and numbers
 * JSON numbers or strings. Decoding validates like a form: a bad value becomes a {@link
 * org.opentrials.portal.eligibility.questions.FieldError}, not an exception. Only a malformed
 * document (not an object, an array where a value belongs) throws {@link IllegalArgumentException}
 * naming the path. Keys that are not questions of the questionnaire are ignored, so a client may
 * post answers meant for a larger questionnaire.
 */
public final class AnswersJson {
  private AnswersJson() {}

  /** Compact JSON of the answers, keys sorted. */
  public static String encode(Answers answers) {
    return JsonSupport.write(toJson(answers), false);
  }

  public static JsonObject toJson(Answers answers) {
    JsonObjectBuilder o = PROVIDER.createObjectBuilder();
    answers.asMap().forEach((id, v) -> o.add(id.value(), value(v)));
    return o.build();
  }

  private static JsonValue value(AnswerValue v) {
    if (v instanceof WholeNumber n) {
      return PROVIDER.createValue(n.value());
    }
    if (v instanceof Amount a) {
      return PROVIDER
          .createObjectBuilder()
          .add("value", JsonSupport.number(a.value()))
          .add("unit", a.unit().symbol())
          .build();
    }
    if (v instanceof DontKnow) {
      return PROVIDER.createValue(AnswerForm.DONT_KNOW);
    }
    if (v instanceof Never) {
      return PROVIDER.createValue(AnswerForm.NEVER);
    }
    if (v instanceof OnDate d) {
      return PROVIDER.createValue(d.date().toString());
    }
    return PROVIDER.createValue(((Choice) v).value());
  }

  /**
   * Reads and validates answers posted as JSON.
   *
   * @param today the screening date (dates after it are field errors)
   * @throws IllegalArgumentException if the document is not a JSON object of simple values
   */
  public static FormResult decode(String json, Questionnaire questionnaire, LocalDate today) {
    return decode(JsonSupport.parseObject(json), questionnaire, today);
  }

  public static FormResult decode(JsonObject json, Questionnaire questionnaire, LocalDate today) {
    Map<String, String> fields = new HashMap<>();
    for (Question q : questionnaire.questions()) {
      String name = q.id().value();
      JsonValue v = json.get(name);
      String path = "$." + name;
      if (v == null || v == JsonValue.NULL) {
        continue;
      }
      if (v instanceof JsonObject amount) {
        Obj a = new Obj(amount, path).onlyFields("an amount", "value", "unit");
        fields.put(name, scalar(a.value("value"), a.at("value")));
        if (a.has("unit")) {
          fields.put(name + AnswerForm.UNIT_SUFFIX, a.string("unit"));
        }
      } else {
        fields.put(name, scalar(v, path));
      }
    }
    return AnswerForm.read(questionnaire, fields, today);
  }

  private static String scalar(JsonValue v, String path) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    if (v == JsonValue.TRUE) {
      return "yes";
    }
    if (v == JsonValue.FALSE) {
      return "no";
    }
    throw new PathException(
        path, "expected a string, number or boolean, but was " + JsonSupport.describe(v));
  }
}
