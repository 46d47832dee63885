package org.opentrials.portal.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.geo.Place;
import org.opentrials.portal.services.interop.ResearchStudyR4;
import org.opentrials.portal.services.interop.TrialJson;
import org.opentrials.portal.services.shared.PublicAddress;
import org.opentrials.portal.services.trials.TrialPageView;
import org.opentrials.portal.services.trials.TrialPages;

/**
 * GET /api/trials/{nct}: what the public trial page shows, as JSON (fields in README.md, "Trial
 * API"), sites nearest first with {@code ?near=} a US ZIP code or "City, ST". GET
 * /api/trials/{nct}/fhir: the same trial as a FHIR R4 ResearchStudy. Published trials only.
 *
 * <p>Caching: an investigator's status change must show at once, so responses are never served from
 * a cache without asking: {@code Cache-Control: no-cache} with a strong ETag (a hash of the body),
 * so that a client or proxy may keep a copy and revalidate it for a 304 each time. With {@code
 * near}, the URL holds the visitor's location: {@code private, no-store}.
 */
@Path("/trials/{nct}")
@RequestScoped
public class TrialResource {
  private static final String JSON = "application/json; charset=UTF-8";
  private static final String FHIR_JSON = ResearchStudyR4.MEDIA_TYPE + "; charset=UTF-8";

  private TrialPages trialPages;
  private PublicAddress publicAddress;

  /** For the container's proxies only (see README, "Injection"). */
  protected TrialResource() {}

  @Inject
  public TrialResource(TrialPages trialPages, PublicAddress publicAddress) {
    this.trialPages = trialPages;
    this.publicAddress = publicAddress;
  }

  @Context Request request;

  @GET
  public Response trial(@PathParam("nct") String nct, @QueryParam("near") String near) {
    Place place = null;
    if (near != null && !near.isBlank()) {
      place = near.length() <= 100 ? Gazetteer.shared().resolve(near).orElse(null) : null;
      if (place == null) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(JSON)
            .entity(
                Json.createObjectBuilder()
                    .add(
                        "error",
                        "We could not find this place. Give a US ZIP code (94301) or a city and state (Palo Alto, CA).")
                    .add("field", "near")
                    .build()
                    .toString())
            .build();
      }
    }
    Optional<TrialPageView> trial = page(nct, Optional.ofNullable(place));
    if (trial.isEmpty()) {
      return Response.status(Response.Status.NOT_FOUND)
          .type(JSON)
          .entity(Json.createObjectBuilder().add("error", notFound(nct)).build().toString())
          .build();
    }
    JsonObject body =
        TrialJson.of(trial.get(), place, place == null ? null : near.strip(), portalUrl());
    return cached(body.toString(), JSON, place != null);
  }

  @GET
  @Path("/fhir")
  public Response fhir(@PathParam("nct") String nct) {
    Optional<TrialPageView> trial = page(nct, Optional.empty());
    if (trial.isEmpty()) {
      return Response.status(Response.Status.NOT_FOUND)
          .type(FHIR_JSON)
          .entity(ResearchStudyR4.notFound(notFound(nct)).toString())
          .build();
    }
    return cached(ResearchStudyR4.of(trial.get()).toString(), FHIR_JSON, false);
  }

  private Optional<TrialPageView> page(String nct, Optional<Place> near) {
    return NctNumber.parse(nct).flatMap(n -> trialPages.findTrialPage(n, near.map(Place::point)));
  }

  private static String notFound(String nct) {
    return NctNumber.parse(nct)
        .map(n -> "No published trial " + n.value() + ".")
        .orElse("Not an NCT number: give NCT and eight digits, e.g. NCT02633163.");
  }

  /** The portal's configured public address (never the Host header the client sent). */
  private String portalUrl() {
    return publicAddress.base();
  }

  private Response cached(String body, String type, boolean personal) {
    CacheControl cache = new CacheControl();
    if (personal) {
      cache.setPrivate(true);
      cache.setNoStore(true);
      return Response.ok(body, type).cacheControl(cache).build();
    }
    cache.setNoCache(true);
    EntityTag tag = new EntityTag(sha256(body));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.cacheControl(cache).tag(tag).build();
    }
    return Response.ok(body, type).cacheControl(cache).tag(tag).build();
  }

  private static String sha256(String body) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
