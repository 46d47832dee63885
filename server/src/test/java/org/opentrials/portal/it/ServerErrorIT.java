package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real database failures, caused from outside as an operator's mistake or a database restart would.
 * Needs a database another process can reach while the server runs, so it runs in the PostgreSQL
 * pass of CI (the embedded H2 file is locked by the server).
 */
class ServerErrorIT extends PortalIT {
  private static final Pattern INCIDENT = Pattern.compile("incident ([0-9A-F]{10})");

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("it.db.url"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password"));
  }

  @Test
  void aDatabaseErrorShowsAnIncidentIdThatTheLogExplainsAndNothingElse() throws Exception {
    assumeTrue(
        server.onPostgres(), "changing the database under the running server needs PostgreSQL");
    HttpResponse<String> failed;
    try (Connection c = database()) {
      c.createStatement().execute("ALTER TABLE trial_faq RENAME TO trial_faq_away");
      try {
        // A query the page ignores: a page the cache has not kept, so it is rendered from the
        // database now (the cached page would still be served, as it should be).
        failed = get("/trials/NCT02633163?incident=" + System.nanoTime());
      } finally {
        c.createStatement().execute("ALTER TABLE trial_faq_away RENAME TO trial_faq");
      }
    }
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body())
        .contains("Something went wrong on our side")
        .doesNotContain(
            "Exception", "SQL", "trial_faq", "postgres", "at org.", "Payara", "EclipseLink");
    Matcher incident = INCIDENT.matcher(failed.body());
    assertThat(incident.find()).as("an incident id on the page").isTrue();
    assertThat(Files.readString(server.logFile())).contains("Incident " + incident.group(1));
    assertThat(get("/trials/NCT02633163").statusCode()).isEqualTo(200);
  }

  @Test
  void afterTheDatabaseDropsItsConnectionsTheServerRecoversByItself() throws Exception {
    assumeTrue(server.onPostgres(), "cutting the server's database connections needs PostgreSQL");
    assertThat(get("/trials/NCT02633163").statusCode()).isEqualTo(200);
    try (Connection c = database()) {
      c.createStatement()
          .execute(
              "select pg_terminate_backend(pid) from pg_stat_activity "
                  + "where usename = current_user and pid <> pg_backend_pid()");
    }
    int ok = 0;
    for (int i = 0; i < 5; i++) {
      ok += get("/trials/NCT02633163").statusCode() == 200 ? 1 : 0;
    }
    assertThat(ok)
        .as("requests answered after the cut (connections are validated before use)")
        .isEqualTo(5);
  }
}
