package org.opentrials.portal.eligibility.questions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.DontKnow;
import org.opentrials.portal.eligibility.answers.AnswerValue.Never;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.text.Message;

/**
 * Reads and validates answers given as strings, as an HTML form or a JSON API posts them.
 *
 * <h2>Field conventions</h2>
 *
 * The field name is the question id. Values:
 *
 * <ul>
 *   <li>any question: {@value #DONT_KNOW} for "I don't know"; blank or absent for not answered;
 *   <li>yes/no and choice: the option value ({@code yes}, {@code no}, {@code female}, ...);
 *   <li>whole number: digits;
 *   <li>amount: a number ({@code 62.5} or {@code 62,5}) in the field, and the unit symbol ({@code
 *       kg}, {@code lb}, {@code mg}) in the field named id + {@value #UNIT_SUFFIX}; the unit may be
 *       left out when the question offers only one;
 *   <li>date or never: an ISO date {@code 2026-04-15}, or {@value #NEVER}.
 * </ul>
 *
 * <p>Bad input never throws: each invalid field yields a {@link FieldError} with an {@code error.*}
 * message key, and every valid field is still read.
 */
public final class AnswerForm {
  public static final String DONT_KNOW = "dont-know";
  public static final String NEVER = "never";
  public static final String UNIT_SUFFIX = ".unit";

  /** Earliest date accepted: older dates are typing mistakes. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  private AnswerForm() {}

  /** Reads the fields of all of the questionnaire's questions. */
  public static FormResult read(
      Questionnaire questionnaire, Map<String, String> fields, LocalDate today) {
    return read(questionnaire.questions(), fields, today);
  }

  /**
   * Reads the fields of {@code questions} (e.g. one step's) from {@code fields}; other fields are
   * ignored.
   *
   * @param today the screening date: dates after it are rejected
   */
  public static FormResult read(
      Collection<Question> questions, Map<String, String> fields, LocalDate today) {
    Answers.Builder answers = Answers.builder();
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> kept = new LinkedHashMap<>();
    for (Question q : questions) {
      String name = q.id().value();
      String raw = fields.get(name);
      String unit = fields.get(name + UNIT_SUFFIX);
      if (raw != null) {
        kept.put(name, raw);
      }
      if (unit != null) {
        kept.put(name + UNIT_SUFFIX, unit);
      }
      if (raw == null || raw.isBlank()) {
        continue;
      }
      Parsed parsed = parse(q, raw, unit, today);
      if (parsed.error() != null) {
        errors.add(new FieldError(q.id(), parsed.error()));
      } else {
        answers.put(q.id(), parsed.value());
      }
    }
    return new FormResult(answers.build(), errors, kept);
  }

  /** The result of reading one field: a value or an error. */
  public record Parsed(AnswerValue value, Message error) {
    static Parsed ok(AnswerValue value) {
      return new Parsed(value, null);
    }

    static Parsed error(String key, Object... args) {
      return new Parsed(null, Message.of(key, args));
    }
  }

  /**
   * Reads one non-blank value for {@code question}.
   *
   * @param unit the unit symbol for amounts, else ignored; may be null
   */
  public static Parsed parse(Question question, String raw, String unit, LocalDate today) {
    String value = raw.strip();
    if (value.toLowerCase(Locale.ROOT).equals(DONT_KNOW)) {
      return Parsed.ok(AnswerValue.DONT_KNOW);
    }
    switch (question.type()) {
      case YES_NO:
      case CHOICE:
        {
          String option = value.toLowerCase(Locale.ROOT);
          if (!question.hasOption(option)) {
            return Parsed.error("error.choice");
          }
          Choice c = new Choice(option);
          return checked(question, c.isYes() ? Choice.YES : c.isNo() ? Choice.NO : c, today);
        }
      case WHOLE_NUMBER:
        {
          if (!isDigits(value) || value.length() > 9) {
            return Parsed.error("error.whole-number");
          }
          return checked(question, new WholeNumber(Integer.parseInt(value)), today);
        }
      case AMOUNT:
        {
          BigDecimal number = decimal(value);
          if (number == null) {
            return Parsed.error("error.number");
          }
          Optional<Unit> chosen =
              unit == null || unit.isBlank()
                  ? (question.units().size() == 1
                      ? Optional.of(question.units().get(0))
                      : Optional.empty())
                  : Unit.bySymbol(unit).filter(question.units()::contains);
          if (chosen.isEmpty()) {
            return Parsed.error("error.unit");
          }
          return checked(question, new Amount(number.doubleValue(), chosen.get()), today);
        }
      case DATE_OR_NEVER:
        {
          if (value.toLowerCase(Locale.ROOT).equals(NEVER)) {
            return Parsed.ok(AnswerValue.NEVER);
          }
          try {
            return checked(question, new OnDate(LocalDate.parse(value)), today);
          } catch (DateTimeParseException e) {
            return Parsed.error("error.date");
          }
        }
      default:
        throw new AssertionError(question.type());
    }
  }

  private static Parsed checked(Question q, AnswerValue v, LocalDate today) {
    Message error = check(q, v, today);
    return error == null ? Parsed.ok(v) : new Parsed(null, error);
  }

  /**
   * Checks a typed answer against its question (the kind of answer, ranges, dates not in the
   * future): the validation for answers that did not come through a form, such as the JSON API.
   *
   * @return the error message, or {@code null} if the answer is valid
   */
  public static Message check(Question q, AnswerValue v, LocalDate today) {
    if (v instanceof DontKnow) {
      return null;
    }
    switch (q.type()) {
      case YES_NO:
      case CHOICE:
        return v instanceof Choice c && q.hasOption(c.value()) ? null : Message.of("error.choice");
      case WHOLE_NUMBER:
        if (!(v instanceof WholeNumber n)) {
          return Message.of("error.whole-number");
        }
        if (n.value() < q.min() || n.value() > q.max()) {
          return Message.of("error.range", (int) q.min(), (int) q.max());
        }
        return null;
      case AMOUNT:
        if (!(v instanceof Amount a)) {
          return Message.of("error.number");
        }
        if (!q.units().contains(a.unit())) {
          return Message.of("error.unit");
        }
        double base = a.inBaseUnit();
        if (base < q.min() || base > q.max()) {
          // Range in the unit the visitor chose, rounded inwards so the bounds shown are accepted.
          return Message.of(
              "error.amount-range",
              (long) Math.ceil(a.unit().fromBase(q.min()) - 1e-9),
              (long) Math.floor(a.unit().fromBase(q.max()) + 1e-9),
              a.unit().symbol());
        }
        return null;
      case DATE_OR_NEVER:
        if (v instanceof Never) {
          return null;
        }
        if (!(v instanceof OnDate d)) {
          return Message.of("error.date");
        }
        if (d.date().isAfter(today)) {
          return Message.of("error.date-future", today);
        }
        if (d.date().isBefore(EARLIEST_DATE)) {
          return Message.of("error.date-too-early", EARLIEST_DATE);
        }
        return null;
      default:
        throw new AssertionError(q.type());
    }
  }

  /**
   * Checks every answer in {@code answers} that belongs to one of the questionnaire's questions.
   */
  public static List<FieldError> validate(
      Questionnaire questionnaire, Answers answers, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    for (Question q : questionnaire.questions()) {
      AnswerValue v = answers.get(q.id());
      if (v != null) {
        Message error = check(q, v, today);
        if (error != null) {
          errors.add(new FieldError(q.id(), error));
        }
      }
    }
    return errors;
  }

  /**
   * The form fields that show {@code answers} again (the inverse of {@link #read}), e.g. to fill a
   * form with the answers given on earlier steps.
   */
  public static Map<String, String> toFields(Answers answers) {
    Map<String, String> fields = new LinkedHashMap<>();
    answers
        .asMap()
        .forEach(
            (id, v) -> {
              String name = id.value();
              if (v instanceof Amount a) {
                fields.put(name, plain(a.value()));
                fields.put(name + UNIT_SUFFIX, a.unit().symbol());
              } else if (v instanceof DontKnow) {
                fields.put(name, DONT_KNOW);
              } else if (v instanceof Never) {
                fields.put(name, NEVER);
              } else {
                fields.put(name, v.toString());
              }
            });
    return fields;
  }

  /** A double without a trailing ".0": 154.0 as "154", 62.5 as "62.5". */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Digits with at most one decimal separator ('.' or ','), or null. No exponent, no sign. */
  private static BigDecimal decimal(String s) {
    if (s.isEmpty() || s.length() > 12) {
      return null;
    }
    StringBuilder normalized = new StringBuilder(s.length());
    boolean separator = false;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        normalized.append(c);
        digits++;
      } else if ((c == '.' || c == ',') && !separator) {
        separator = true;
        normalized.append('.');
      } else {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    String n = normalized.toString();
    if (n.startsWith(".")) {
      n = "0" + n;
    }
    if (n.endsWith(".")) {
      n = n + "0";
    }
    return new BigDecimal(n);
  }
}
