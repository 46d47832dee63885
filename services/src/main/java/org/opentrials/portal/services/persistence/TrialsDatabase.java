package org.opentrials.portal.services.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The application's own datasource (never the server's jdbc/__default) and its schema. The
 * connection comes from MicroProfile Config, so the same WAR runs on the embedded H2 file or on
 * PostgreSQL by configuration only. Flyway brings the schema up to date before anything else
 * touches the database; it takes a lock, so two applications or instances starting together do not
 * migrate twice.
 */
@DataSourceDefinition(
    name = TrialsDatabase.JNDI_NAME,
    className = "${MPCONFIG=trials.datasource.class}",
    url = "${MPCONFIG=trials.datasource.url}",
    user = "${MPCONFIG=trials.datasource.user}",
    password = "${MPCONFIG=trials.datasource.password}",
    minPoolSize = 2,
    maxPoolSize = 16,
    // A database that does not answer a new connection within 5 s counts as down (503 "try
    // again"), rather than holding the request.
    loginTimeout = 5,
    properties = {
      // Connections are checked (Connection.isValid) before use, and one broken connection
      // discards the rest: after a database restart or network cut the portal recovers by itself
      // (README "Faults": within seconds of the database's return, without a restart).
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // A request waits at most this long for a free connection (Payara's default: 60 s), then
      // gets the 503 "busy, try again" page instead of hanging.
      "fish.payara.max-wait-time-in-millis=${MPCONFIG=trials.datasource.max-wait-millis}"
    })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class TrialsDatabase {
  public static final String JNDI_NAME = "java:app/jdbc/trials";
  private static final Logger LOG = Logger.getLogger(TrialsDatabase.class.getName());

  @Resource(lookup = JNDI_NAME)
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    var h2Directory =
        OwnerOnlyFiles.h2Directory(
            org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("trials.datasource.url", String.class)
                .orElse(null));
    h2Directory.ifPresent(OwnerOnlyFiles::secure);
    var result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    h2Directory.ifPresent(OwnerOnlyFiles::secure);
  }

  /** Returns once the schema is migrated (this bean starts by migrating it). */
  public void ready() {
    // nothing to do: the container calls migrate() before any other method
  }
}
