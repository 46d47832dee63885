package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real server failure: the database drops the server's connections (as a database restart or a
 * network cut does). The visitor sees only an apology with an incident id; the operators find the
 * same id with the cause in the log; the server recovers by itself. Needs a database that can cut
 * connections from outside, so it runs in the PostgreSQL pass of CI.
 */
class ServerErrorIT extends PortalIT {
  private static final Pattern INCIDENT = Pattern.compile("incident ([0-9A-F]{10})");

  @Test
  void aLostDatabaseConnectionShowsAnIncidentIdAndNothingElse() throws Exception {
    assumeTrue(server.onPostgres(), "cutting the server's database connections needs PostgreSQL");
    try (Connection c = DriverManager.getConnection(System.getProperty("it.db.url"),
        System.getProperty("it.db.user"), System.getProperty("it.db.password"))) {
      c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity "
          + "where usename = current_user and pid <> pg_backend_pid()");
    }
    HttpResponse<String> failed = null;
    for (int i = 0; i < 20 && failed == null; i++) {
      HttpResponse<String> r = get("/trials/NCT02633163");
      if (r.statusCode() == 500) {
        failed = r;
      }
    }
    assertThat(failed).as("a request on a cut connection fails").isNotNull();
    assertThat(failed.body()).contains("Something went wrong on our side")
        .doesNotContain("Exception", "SQL", "postgres", "at org.", "Payara", "EclipseLink");
    Matcher incident = INCIDENT.matcher(failed.body());
    assertThat(incident.find()).isTrue();
    assertThat(Files.readString(server.logFile())).contains("Incident " + incident.group(1));

    int consecutiveOk = 0;
    for (int i = 0; i < 30 && consecutiveOk < 3; i++) {
      consecutiveOk = get("/trials/NCT02633163").statusCode() == 200 ? consecutiveOk + 1 : 0;
    }
    assertThat(consecutiveOk).as("the server recovers on fresh connections").isEqualTo(3);
  }
}
