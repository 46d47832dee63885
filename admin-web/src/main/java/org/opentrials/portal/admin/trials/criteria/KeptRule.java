package org.opentrials.portal.admin.trials.criteria;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A rule nested deeper than the form edits, held as its JSON so that the view's state stays
 * serializable, and given back exactly as it was read.
 */
final class KeptRule {
  private static final String WRAPPER_TRIAL = "kept";

  private KeptRule() {}

  static String write(Rule rule) {
    JsonObject document =
        CriteriaJson.toJson(
            new TrialCriteria(
                WRAPPER_TRIAL, List.of(Criterion.inclusion("kept", Text.of("kept"), rule))));
    return document.getJsonArray("criteria").getJsonObject(0).getJsonObject("rule").toString();
  }

  static Rule read(String json) {
    JsonObject rule = Json.createReader(new StringReader(json)).readObject();
    JsonObject document =
        Json.createObjectBuilder()
            .add("trial", WRAPPER_TRIAL)
            .add(
                "criteria",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", "kept")
                            .add("type", "inclusion")
                            .add("text", "kept")
                            .add("rule", rule)))
            .build();
    return CriteriaJson.fromJson(document).criteria().get(0).rule();
  }
}
