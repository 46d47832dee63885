package org.opentrials.portal.eligibility.json;

import static org.opentrials.portal.eligibility.json.JsonSupport.PROVIDER;
import static org.opentrials.portal.eligibility.json.JsonSupport.build;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.And;
import org.opentrials.portal.eligibility.criteria.Classification;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionType;
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
import org.opentrials.portal.eligibility.json.JsonSupport.Element;
import org.opentrials.portal.eligibility.json.JsonSupport.Obj;
import org.opentrials.portal.eligibility.json.JsonSupport.PathException;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/**
 * Encodes {@link TrialCriteria} to JSON and back. The format (version {@value #FORMAT}):
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "trial": "NCT02633163",
 *   "criteria": [
 *     {
 *       "id": "age",
 *       "type": "inclusion",
 *       "text": {"en": "I am between 18 and 65 years old.", "es": "Tengo entre 18 y 65 años."},
 *       "rule": {"kind": "age", "min": 18, "max": 65}
 *     },
 *     {
 *       "id": "recent-biologic",
 *       "type": "exclusion",
 *       "text": "I received belimumab in the last 2 months, ...",
 *       "rule": {"kind": "or", "rules": [
 *         {"kind": "medication-taken", "medication": {"id": "belimumab", "label": "belimumab"},
 *          "within": "2 months"},
 *         {"kind": "medication-taken", "medication": {"id": "rituximab", "label": "rituximab"},
 *          "within": "6 months"}]}
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>A text is a string (English) or an object of language code to text. Rule kinds and their
 * fields ({@code ?} optional):
 *
 * <ul>
 *   <li>{@code age}: min?, max? (whole years, inclusive)
 *   <li>{@code sex}: allowed (female, male, all)
 *   <li>{@code diagnosis}: condition, present? (default true), confirmedBy? {classification {id,
 *       name, items[]}, atLeast}
 *   <li>{@code disease-activity}: condition, threshold? {score {id, name, max}, atLeast}
 *   <li>{@code medication-taken}: medication, within
 *   <li>{@code medication-dose}: medication, mgPerKgPerDayAbove, within
 *   <li>{@code medication-changed}: medication, within
 *   <li>{@code condition-within}: condition, within, except? [{id, label}]
 *   <li>{@code pregnancy}: unlessUsingContraception? (default false)
 *   <li>{@code positive-test}: infections [hiv, hepatitis-b, hepatitis-c, tuberculosis]
 *   <li>{@code dialysis}, {@code organ-transplant}: no fields
 *   <li>{@code self-report}: id, question, topic? (about-you, diagnosis, treatment, health-history;
 *       default health-history)
 *   <li>{@code coordinator-check}: reason
 *   <li>{@code and}, {@code or}: rules []; {@code not}: rule; {@code if}: condition, then (a
 *       conditional requirement: "if I have lupus nephritis, I have been treated for it")
 * </ul>
 *
 * <p>where a medication or condition is {@code {id, label}} and a period ("within") is a string
 * such as "2 months", "1 month", "5 years", "6 weeks" (see {@link TimeWindow} for the boundary
 * convention). Unknown fields, unknown kinds and bad values are rejected with an {@link
 * IllegalArgumentException} whose message starts with the JSON path of the bad value, e.g. {@code
 * $.criteria[5].rule.rules[1].within: expected a period like "2 months" ...}.
 */
public final class CriteriaJson {
  public static final int FORMAT = 1;

  private CriteriaJson() {}

  /** Pretty-printed JSON of the criteria. */
  public static String encode(TrialCriteria criteria) {
    return JsonSupport.write(toJson(criteria), true);
  }

  /**
   * The criteria in a JSON document.
   *
   * @throws IllegalArgumentException naming the JSON path of the first problem found
   */
  public static TrialCriteria decode(String json) {
    return fromJson(JsonSupport.parseObject(json));
  }

  public static JsonObject toJson(TrialCriteria criteria) {
    JsonArrayBuilder list = PROVIDER.createArrayBuilder();
    for (Criterion c : criteria.criteria()) {
      list.add(
          PROVIDER
              .createObjectBuilder()
              .add("id", c.id())
              .add("type", c.type().slug())
              .add("text", text(c.text()))
              .add("rule", rule(c.rule())));
    }
    return PROVIDER
        .createObjectBuilder()
        .add("format", FORMAT)
        .add("trial", criteria.trialId())
        .add("criteria", list)
        .build();
  }

  public static TrialCriteria fromJson(JsonObject json) {
    Obj root = new Obj(json, "$").onlyFields("criteria document", "format", "trial", "criteria");
    if (root.has("format") && root.integer("format") != FORMAT) {
      throw root.error(
          "format", "unsupported format " + root.integer("format") + ", expected " + FORMAT);
    }
    String trialId = root.string("trial");
    List<Criterion> criteria = new ArrayList<>();
    for (Element e : root.array("criteria")) {
      criteria.add(criterion(new Obj(e.value(), e.path())));
    }
    return build("$", () -> new TrialCriteria(trialId, criteria));
  }

  // ---- encoding ----

  private static JsonValue text(Text text) {
    Map<String, String> byLanguage = text.byLanguage();
    if (byLanguage.size() == 1 && byLanguage.containsKey(Text.DEFAULT_LANGUAGE)) {
      return PROVIDER.createValue(byLanguage.get(Text.DEFAULT_LANGUAGE));
    }
    JsonObjectBuilder o = PROVIDER.createObjectBuilder();
    byLanguage.forEach(o::add);
    return o.build();
  }

  private static JsonObjectBuilder ref(String id, Text label) {
    return PROVIDER.createObjectBuilder().add("id", id).add("label", text(label));
  }

  private static JsonObjectBuilder kind(String kind) {
    return PROVIDER.createObjectBuilder().add("kind", kind);
  }

  static JsonObject rule(Rule rule) {
    if (rule instanceof AgeRange r) {
      JsonObjectBuilder o = kind("age");
      if (r.minYears() != null) {
        o.add("min", r.minYears());
      }
      if (r.maxYears() != null) {
        o.add("max", r.maxYears());
      }
      return o.build();
    }
    if (rule instanceof SexRule r) {
      return kind("sex").add("allowed", r.allowed().slug()).build();
    }
    if (rule instanceof Diagnosis r) {
      JsonObjectBuilder o =
          kind("diagnosis")
              .add("condition", ref(r.condition().id(), r.condition().label()))
              .add("present", r.present());
      if (r.confirmedBy() != null) {
        Classification c = r.confirmedBy().classification();
        JsonArrayBuilder items = PROVIDER.createArrayBuilder();
        c.items().forEach(t -> items.add(text(t)));
        o.add(
            "confirmedBy",
            PROVIDER
                .createObjectBuilder()
                .add(
                    "classification",
                    PROVIDER
                        .createObjectBuilder()
                        .add("id", c.id())
                        .add("name", text(c.name()))
                        .add("items", items))
                .add("atLeast", r.confirmedBy().atLeast()));
      }
      return o.build();
    }
    if (rule instanceof DiseaseActivity r) {
      JsonObjectBuilder o =
          kind("disease-activity").add("condition", ref(r.condition().id(), r.condition().label()));
      if (r.threshold() != null) {
        Score s = r.threshold().score();
        o.add(
            "threshold",
            PROVIDER
                .createObjectBuilder()
                .add(
                    "score",
                    PROVIDER
                        .createObjectBuilder()
                        .add("id", s.id())
                        .add("name", text(s.name()))
                        .add("max", s.max()))
                .add("atLeast", r.threshold().atLeast()));
      }
      return o.build();
    }
    if (rule instanceof MedicationTaken r) {
      return kind("medication-taken")
          .add("medication", ref(r.medication().id(), r.medication().label()))
          .add("within", r.within().toString())
          .build();
    }
    if (rule instanceof MedicationDose r) {
      return kind("medication-dose")
          .add("medication", ref(r.medication().id(), r.medication().label()))
          .add("mgPerKgPerDayAbove", JsonSupport.number(r.mgPerKgPerDay()))
          .add("within", r.within().toString())
          .build();
    }
    if (rule instanceof MedicationChanged r) {
      return kind("medication-changed")
          .add("medication", ref(r.medication().id(), r.medication().label()))
          .add("within", r.within().toString())
          .build();
    }
    if (rule instanceof ConditionWithin r) {
      JsonObjectBuilder o =
          kind("condition-within")
              .add("condition", ref(r.condition().id(), r.condition().label()))
              .add("within", r.within().toString());
      if (!r.except().isEmpty()) {
        JsonArrayBuilder except = PROVIDER.createArrayBuilder();
        r.except().forEach(s -> except.add(ref(s.id(), s.label())));
        o.add("except", except);
      }
      return o.build();
    }
    if (rule instanceof PregnancyOrBreastfeeding r) {
      return kind("pregnancy")
          .add("unlessUsingContraception", r.unlessUsingContraception())
          .build();
    }
    if (rule instanceof PositiveTest r) {
      JsonArrayBuilder infections = PROVIDER.createArrayBuilder();
      r.infections().forEach(i -> infections.add(i.slug()));
      return kind("positive-test").add("infections", infections).build();
    }
    if (rule instanceof Dialysis) {
      return kind("dialysis").build();
    }
    if (rule instanceof OrganTransplant) {
      return kind("organ-transplant").build();
    }
    if (rule instanceof SelfReport r) {
      return kind("self-report")
          .add("id", r.id())
          .add("question", text(r.question()))
          .add("topic", r.topic().slug())
          .build();
    }
    if (rule instanceof CoordinatorCheck r) {
      return kind("coordinator-check").add("reason", text(r.reason())).build();
    }
    if (rule instanceof And r) {
      return kind("and").add("rules", rules(r.rules())).build();
    }
    if (rule instanceof Or r) {
      return kind("or").add("rules", rules(r.rules())).build();
    }
    if (rule instanceof Not r) {
      return kind("not").add("rule", rule(r.rule())).build();
    }
    if (rule instanceof IfThen r) {
      return kind("if").add("condition", rule(r.condition())).add("then", rule(r.then())).build();
    }
    throw new IllegalArgumentException("no JSON form for rule " + rule);
  }

  private static JsonArrayBuilder rules(List<Rule> rules) {
    JsonArrayBuilder a = PROVIDER.createArrayBuilder();
    rules.forEach(r -> a.add(rule(r)));
    return a;
  }

  // ---- decoding ----

  private static Criterion criterion(Obj o) {
    o.onlyFields("a criterion", "id", "type", "text", "rule");
    String id = o.string("id");
    String typeSlug = o.string("type");
    CriterionType type = build(o.at("type"), () -> CriterionType.bySlug(typeSlug));
    Text text = text(o, "text");
    Rule rule = rule(o.object("rule"));
    return build(o.path, () -> new Criterion(id, type, text, rule));
  }

  static Text text(Obj parent, String field) {
    return text(parent.value(field), parent.at(field));
  }

  private static Text text(Element e) {
    return text(e.value(), e.path());
  }

  private static Text text(JsonValue v, String path) {
    if (v instanceof JsonString s) {
      return build(path, () -> Text.of(s.getString()));
    }
    if (v instanceof JsonObject o) {
      Map<String, String> byLanguage = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        if (!(e.getValue() instanceof JsonString s)) {
          throw new PathException(
              path + "." + e.getKey(),
              "expected a string, but was " + JsonSupport.describe(e.getValue()));
        }
        byLanguage.put(e.getKey(), s.getString());
      }
      return build(path, () -> new Text(byLanguage));
    }
    throw new PathException(
        path,
        "expected a text (a string, or an object of language to string), but was "
            + JsonSupport.describe(v));
  }

  private static TimeWindow window(Obj o) {
    String s = o.string("within");
    return build(o.at("within"), () -> TimeWindow.parse(s));
  }

  private static Medication medication(Obj o) {
    Obj m = o.object("medication").onlyFields("a medication", "id", "label");
    String id = m.string("id");
    Text label = text(m, "label");
    return build(m.path, () -> new Medication(id, label));
  }

  private static Condition condition(Obj o) {
    Obj c = o.object("condition").onlyFields("a condition", "id", "label");
    String id = c.string("id");
    Text label = text(c, "label");
    return build(c.path, () -> new Condition(id, label));
  }

  static Rule rule(Obj o) {
    String kind = o.string("kind");
    switch (kind) {
      case "age":
        {
          o.onlyFields("kind age", "kind", "min", "max");
          Integer min = o.optionalInteger("min");
          Integer max = o.optionalInteger("max");
          return build(o.path, () -> new AgeRange(min, max));
        }
      case "sex":
        {
          o.onlyFields("kind sex", "kind", "allowed");
          String allowed = o.string("allowed");
          return build(o.at("allowed"), () -> new SexRule(SexRule.Sex.bySlug(allowed)));
        }
      case "diagnosis":
        {
          o.onlyFields("kind diagnosis", "kind", "condition", "present", "confirmedBy");
          Condition condition = condition(o);
          boolean present = o.bool("present", true);
          Diagnosis.Confirmation confirmation = null;
          if (o.has("confirmedBy")) {
            Obj by = o.object("confirmedBy").onlyFields("confirmedBy", "classification", "atLeast");
            Obj c =
                by.object("classification").onlyFields("a classification", "id", "name", "items");
            String id = c.string("id");
            Text name = text(c, "name");
            List<Text> items = new ArrayList<>();
            for (Element e : c.array("items")) {
              items.add(text(e));
            }
            Classification classification =
                build(c.path, () -> new Classification(id, name, items));
            int atLeast = by.integer("atLeast");
            confirmation =
                build(by.at("atLeast"), () -> new Diagnosis.Confirmation(classification, atLeast));
          }
          Diagnosis.Confirmation confirmedBy = confirmation;
          return build(o.path, () -> new Diagnosis(condition, present, confirmedBy));
        }
      case "disease-activity":
        {
          o.onlyFields("kind disease-activity", "kind", "condition", "threshold");
          Condition condition = condition(o);
          DiseaseActivity.ScoreThreshold threshold = null;
          if (o.has("threshold")) {
            Obj t = o.object("threshold").onlyFields("threshold", "score", "atLeast");
            Obj s = t.object("score").onlyFields("a score", "id", "name", "max");
            String id = s.string("id");
            Text name = text(s, "name");
            int max = s.integer("max");
            Score score = build(s.path, () -> new Score(id, name, max));
            int atLeast = t.integer("atLeast");
            threshold =
                build(t.at("atLeast"), () -> new DiseaseActivity.ScoreThreshold(score, atLeast));
          }
          DiseaseActivity.ScoreThreshold scoreThreshold = threshold;
          return build(o.path, () -> new DiseaseActivity(condition, scoreThreshold));
        }
      case "medication-taken":
        {
          o.onlyFields("kind medication-taken", "kind", "medication", "within");
          Medication m = medication(o);
          TimeWindow w = window(o);
          return build(o.path, () -> new MedicationTaken(m, w));
        }
      case "medication-dose":
        {
          o.onlyFields(
              "kind medication-dose", "kind", "medication", "mgPerKgPerDayAbove", "within");
          Medication m = medication(o);
          double threshold = o.number("mgPerKgPerDayAbove");
          TimeWindow w = window(o);
          return build(o.at("mgPerKgPerDayAbove"), () -> new MedicationDose(m, threshold, w));
        }
      case "medication-changed":
        {
          o.onlyFields("kind medication-changed", "kind", "medication", "within");
          Medication m = medication(o);
          TimeWindow w = window(o);
          return build(o.path, () -> new MedicationChanged(m, w));
        }
      case "condition-within":
        {
          o.onlyFields("kind condition-within", "kind", "condition", "within", "except");
          Condition c = condition(o);
          TimeWindow w = window(o);
          List<Subtype> except = new ArrayList<>();
          for (Element e : o.optionalArray("except")) {
            Obj s = new Obj(e.value(), e.path()).onlyFields("an exception", "id", "label");
            String id = s.string("id");
            Text label = text(s, "label");
            except.add(build(s.path, () -> new Subtype(id, label)));
          }
          return build(o.at("except"), () -> new ConditionWithin(c, w, except));
        }
      case "pregnancy":
        {
          o.onlyFields("kind pregnancy", "kind", "unlessUsingContraception");
          return new PregnancyOrBreastfeeding(o.bool("unlessUsingContraception", false));
        }
      case "positive-test":
        {
          o.onlyFields("kind positive-test", "kind", "infections");
          List<Infection> infections = new ArrayList<>();
          for (Element e : o.array("infections")) {
            String slug = e.string();
            infections.add(build(e.path(), () -> Infection.bySlug(slug)));
          }
          return build(o.at("infections"), () -> new PositiveTest(infections));
        }
      case "dialysis":
        o.onlyFields("kind dialysis", "kind");
        return new Dialysis();
      case "organ-transplant":
        o.onlyFields("kind organ-transplant", "kind");
        return new OrganTransplant();
      case "self-report":
        {
          o.onlyFields("kind self-report", "kind", "id", "question", "topic");
          String id = o.string("id");
          Text question = text(o, "question");
          String topicSlug = o.has("topic") ? o.string("topic") : Topic.HEALTH_HISTORY.slug();
          Topic topic = build(o.at("topic"), () -> Topic.bySlug(topicSlug));
          return build(o.path, () -> new SelfReport(id, question, topic));
        }
      case "coordinator-check":
        {
          o.onlyFields("kind coordinator-check", "kind", "reason");
          Text reason = text(o, "reason");
          return new CoordinatorCheck(reason);
        }
      case "and":
      case "or":
        {
          o.onlyFields("kind " + kind, "kind", "rules");
          List<Rule> rules = new ArrayList<>();
          for (Element e : o.array("rules")) {
            rules.add(rule(new Obj(e.value(), e.path())));
          }
          return build(o.at("rules"), () -> kind.equals("and") ? new And(rules) : new Or(rules));
        }
      case "not":
        {
          o.onlyFields("kind not", "kind", "rule");
          return new Not(rule(o.object("rule")));
        }
      case "if":
        {
          o.onlyFields("kind if", "kind", "condition", "then");
          return new IfThen(rule(o.object("condition")), rule(o.object("then")));
        }
      default:
        throw o.error(
            "kind",
            "unknown rule kind \""
                + kind
                + "\" (expected age, sex, diagnosis, disease-activity, medication-taken,"
                + " medication-dose, medication-changed, condition-within, pregnancy,"
                + " positive-test, dialysis, organ-transplant, self-report, coordinator-check,"
                + " and, or, not or if)");
    }
  }
}
