package org.opentrials.portal.web.api;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API failures answer with a short JSON error and an incident id; the cause goes to the log only.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              Json.createObjectBuilder()
                  .add(
                      "error",
                      Response.Status.fromStatusCode(status) == null
                          ? "Request refused."
                          : Response.Status.fromStatusCode(status).getReasonPhrase())
                  .build()
                  .toString())
          .build();
    }
    byte[] id = new byte[5];
    RANDOM.nextBytes(id);
    String incident = HexFormat.of().withUpperCase().formatHex(id);
    LOG.log(Level.SEVERE, "Incident " + incident + " in the API", error);
    return Response.serverError()
        .type(MediaType.APPLICATION_JSON)
        .entity(
            Json.createObjectBuilder()
                .add("error", "Something went wrong on our side.")
                .add("incident", incident)
                .build()
                .toString())
        .build();
  }
}
