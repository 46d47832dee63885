package org.opentrials.portal.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.eligibility.CriterionResult;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.Screening;
import org.opentrials.portal.eligibility.json.AnswersJson;
import org.opentrials.portal.eligibility.json.BoundedJson;
import org.opentrials.portal.eligibility.questions.FieldError;
import org.opentrials.portal.eligibility.questions.FormResult;
import org.opentrials.portal.eligibility.questions.Option;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Questionnaire;
import org.opentrials.portal.eligibility.questions.Step;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Messages;
import org.opentrials.portal.services.prescreen.Prescreening;
import org.opentrials.portal.services.prescreen.ScreenableTrial;

/**
 * GET /api/trials/{nct}/questionnaire and POST /api/trials/{nct}/prescreen. Answers are evaluated
 * in memory and never stored or logged; texts come in English or Spanish (?lang=es or
 * Accept-Language).
 */
@Path("/trials/{nct}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PrescreenResource {
  private static final int MAX_BODY = 64 * 1024;

  private Prescreening prescreening;

  /** For the container's proxies only (see README, "Injection"). */
  protected PrescreenResource() {}

  @Inject
  public PrescreenResource(Prescreening prescreening) {
    this.prescreening = prescreening;
  }

  @GET
  @Path("/questionnaire")
  public Response questionnaire(
      @PathParam("nct") String nct,
      @QueryParam("lang") String lang,
      @HeaderParam("Accept-Language") String acceptLanguage) {
    Optional<ScreenableTrial> trial = trial(nct);
    if (trial.isEmpty()) {
      return noPrescreener(nct);
    }
    Messages text = Messages.forLocale(locale(lang, acceptLanguage));
    Questionnaire q = trial.get().criteria().questionnaire();
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (Step step : q.steps()) {
      JsonArrayBuilder questions = Json.createArrayBuilder();
      for (Question question : step.questions()) {
        questions.add(question(question, text));
      }
      steps.add(
          Json.createObjectBuilder()
              .add("number", step.number())
              .add("title", text.render(step.title()))
              .add("questions", questions));
    }
    return Response.ok(
            Json.createObjectBuilder()
                .add("trial", trial.get().nct())
                .add("title", trial.get().briefTitle())
                .add("steps", steps)
                .build()
                .toString())
        .build();
  }

  @POST
  @Path("/prescreen")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response prescreen(
      @PathParam("nct") String nct,
      @QueryParam("lang") String lang,
      @HeaderParam("Accept-Language") String acceptLanguage,
      String body) {
    Optional<ScreenableTrial> trial = trial(nct);
    if (trial.isEmpty()) {
      return noPrescreener(nct);
    }
    if (body == null || body.isBlank()) {
      return error(
          Response.Status.BAD_REQUEST, "Send a JSON object: {\"answers\": {\"age\": 34, ...}}.");
    }
    if (body.length() > MAX_BODY) {
      return error(Response.Status.BAD_REQUEST, "The request is larger than 64 KiB.");
    }
    JsonObject document;
    try {
      document = BoundedJson.readObject(body);
    } catch (BoundedJson.Refused e) {
      return error(Response.Status.BAD_REQUEST, e.getMessage());
    }
    if (!document.containsKey("answers")
        || !(document.get("answers") instanceof JsonObject answers)) {
      return error(
          Response.Status.BAD_REQUEST,
          "The object needs \"answers\": an object of question id to answer.");
    }
    Messages text = Messages.forLocale(locale(lang, acceptLanguage));
    PreScreener screener = prescreening.screener();
    LocalDate today = screener.screeningDate();
    FormResult read;
    try {
      read = AnswersJson.decode(answers, trial.get().criteria().questionnaire(), today);
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, e.getMessage());
    } catch (ArithmeticException e) {
      return error(Response.Status.BAD_REQUEST, "A number is out of range.");
    }
    if (!read.errors().isEmpty()) {
      JsonArrayBuilder errors = Json.createArrayBuilder();
      for (FieldError fe : read.errors()) {
        errors.add(
            Json.createObjectBuilder()
                .add("question", fe.question().value())
                .add("message", text.render(fe.message())));
      }
      return Response.status(Response.Status.BAD_REQUEST)
          .cacheControl(noStore())
          .entity(
              Json.createObjectBuilder()
                  .add("error", "Some answers are not valid.")
                  .add("errors", errors)
                  .build()
                  .toString())
          .build();
    }
    Screening screening = screener.screen(trial.get().criteria(), read.answers());
    JsonArrayBuilder criteria = Json.createArrayBuilder();
    for (CriterionResult r : screening.results()) {
      JsonArrayBuilder reasons = Json.createArrayBuilder();
      for (Message m : r.reasons()) {
        reasons.add(text.render(m));
      }
      criteria.add(
          Json.createObjectBuilder()
              .add("id", r.criterion().id())
              .add("type", r.criterion().isInclusion() ? "inclusion" : "exclusion")
              .add("text", text.render(r.criterion().text()))
              .add("status", r.status().name())
              .add("reasons", reasons));
    }
    JsonObjectBuilder result =
        Json.createObjectBuilder()
            .add("trial", trial.get().nct())
            .add("screeningDate", today.toString())
            .add("verdict", screening.verdict().name())
            .add("summary", text.render(screening.verdict().label()))
            .add("criteria", criteria);
    return Response.ok(result.build().toString()).cacheControl(noStore()).build();
  }

  private JsonObjectBuilder question(Question q, Messages text) {
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("id", q.id().value())
            .add("type", q.type().name())
            .add("text", text.render(q.text()))
            .add("followUp", q.isFollowUp());
    if (q.hint() != null) {
      o.add("hint", text.render(q.hint()));
    }
    if (!q.options().isEmpty()) {
      JsonArrayBuilder options = Json.createArrayBuilder();
      for (Option option : q.options()) {
        options.add(
            Json.createObjectBuilder()
                .add("value", option.value())
                .add("label", text.render(option.label())));
      }
      o.add("options", options);
    }
    if (!q.items().isEmpty()) {
      JsonArrayBuilder items = Json.createArrayBuilder();
      q.items().forEach(i -> items.add(text.render(i)));
      o.add("items", items);
    }
    if (!q.units().isEmpty()) {
      JsonArrayBuilder units = Json.createArrayBuilder();
      q.units().forEach(u -> units.add(u.symbol()));
      o.add("units", units);
    }
    if (q.max() > q.min()) {
      o.add("min", q.min()).add("max", q.max());
    }
    return o.add("dontKnow", "dont-know");
  }

  /**
   * 404 for a trial without a pre-screener; one that does not take participants says so, with its
   * status, so that a partner can tell "closed" from "unknown".
   */
  private Response noPrescreener(String nct) {
    Optional<String> closed =
        NctNumber.parse(nct).flatMap(prescreening::findStatusNotTakingParticipants);
    if (closed.isPresent()) {
      return Response.status(Response.Status.NOT_FOUND)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              Json.createObjectBuilder()
                  .add(
                      "error",
                      "Trial "
                          + nct
                          + " does not take participants (status "
                          + closed.get()
                          + "): it offers no pre-screening and no contact.")
                  .add("overallStatus", closed.get())
                  .build()
                  .toString())
          .build();
    }
    return error(
        Response.Status.NOT_FOUND, "No published trial " + nct + " with structured criteria.");
  }

  private Optional<ScreenableTrial> trial(String nct) {
    return NctNumber.parse(nct).flatMap(prescreening::findScreenableTrial);
  }

  private static Locale locale(String lang, String acceptLanguage) {
    String l = lang != null ? lang : acceptLanguage;
    return l != null && l.toLowerCase(Locale.ROOT).startsWith("es")
        ? Locale.forLanguageTag("es")
        : Locale.ENGLISH;
  }

  private static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    return cc;
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Json.createObjectBuilder().add("error", message).build().toString())
        .build();
  }
}
