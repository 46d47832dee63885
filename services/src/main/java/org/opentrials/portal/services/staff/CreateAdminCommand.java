package org.opentrials.portal.services.staff;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.opentrials.portal.services.audit.AuditAppender;
import org.opentrials.portal.services.persistence.JpaStaffRepository;

/**
 * Creates the first administrator from the command line, against the database directly (stop the
 * server first when it uses the embedded H2 file):
 *
 * <pre>
 * CreateAdminCommand [--generate] JDBC_URL USER PASSWORD|- ADMIN_USERNAME
 * </pre>
 *
 * <p>The database PASSWORD "-" is read from TRIALS_DATASOURCE_PASSWORD (as for ImportCommand). The
 * administrator's password comes from the environment variable TRIALS_ADMIN_PASSWORD, else is asked
 * twice on the console without echo; with {@code --generate} one is generated and printed once.
 * Nothing is done when an administrator exists already. Exit status: 0 created, 1 an administrator
 * exists already, 2 the command could not run (usage, database, password refused).
 */
public final class CreateAdminCommand {
  static final String DATABASE_PASSWORD_VARIABLE = "TRIALS_DATASOURCE_PASSWORD";
  static final String ADMIN_PASSWORD_VARIABLE = "TRIALS_ADMIN_PASSWORD";

  /** Asks for a password without echo; null when there is nobody to ask. */
  interface Prompt {
    char[] read(String question);
  }

  private CreateAdminCommand() {}

  public static void main(String[] args) {
    Console console = System.console();
    Prompt prompt = console == null ? null : question -> console.readPassword("%s", question);
    System.exit(run(args, System.getenv(), prompt, System.out, System.err));
  }

  /** The command without {@code System.exit}, for tests. */
  static int run(
      String[] args, Map<String, String> env, Prompt prompt, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean generate = rest.remove("--generate");
    if (rest.size() != 4) {
      err.println("usage: CreateAdminCommand [--generate] JDBC_URL USER PASSWORD|- ADMIN_USERNAME");
      return 2;
    }
    String url = rest.get(0);
    String user = rest.get(1);
    String databasePassword =
        rest.get(2).equals("-") ? env.getOrDefault(DATABASE_PASSWORD_VARIABLE, "") : rest.get(2);
    String username = rest.get(3);
    char[] password;
    if (generate) {
      password = PasswordGenerator.generate();
    } else if (env.containsKey(ADMIN_PASSWORD_VARIABLE)) {
      password = env.get(ADMIN_PASSWORD_VARIABLE).toCharArray();
    } else if (prompt != null) {
      password = prompt.read("Password for " + username + " (at least 12 characters): ");
      char[] again = prompt.read("The same password again: ");
      if (password == null || !Arrays.equals(password, again)) {
        err.println("the two passwords differ; nothing created");
        return 2;
      }
    } else {
      err.println(
          "no password: set "
              + ADMIN_PASSWORD_VARIABLE
              + ", run it on a console, or use --generate");
      return 2;
    }
    EntityManagerFactory emf;
    try {
      Flyway.configure()
          .dataSource(url, user, databasePassword)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      Map<String, String> properties = new HashMap<>();
      properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
      properties.put("jakarta.persistence.jtaDataSource", "");
      properties.put("jakarta.persistence.jdbc.url", url);
      properties.put("jakarta.persistence.jdbc.user", user);
      properties.put("jakarta.persistence.jdbc.password", databasePassword);
      emf = Persistence.createEntityManagerFactory("trials", properties);
    } catch (RuntimeException e) {
      err.println("cannot open the database " + url + ": " + e.getMessage());
      return 2;
    }
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      AuditAppender appender = new AuditAppender(em, Clock.systemUTC());
      FirstAdministrator.Outcome outcome =
          FirstAdministrator.createIfNone(
              new JpaStaffRepository(em),
              appender::append,
              Clock.systemUTC(),
              username,
              password,
              "command line");
      tx.commit();
      if (outcome == FirstAdministrator.Outcome.ADMINISTRATOR_EXISTS) {
        out.println(
            "An administrator exists already; nothing created. Administrators manage accounts at /admin.");
        return 1;
      }
      out.println(
          "Administrator " + username.strip().toLowerCase(java.util.Locale.ROOT) + " created.");
      if (generate) {
        // Printed once, on purpose: it is stored nowhere but as its hash.
        out.println("Password (shown only now): " + new String(password));
      }
      return 0;
    } catch (InvalidAccountChange e) {
      err.println(
          "not created: "
              + switch (e.problem()) {
                case "username" -> "a username has 3 to 80 letters, digits or . _ @ -";
                case "usernameTaken" ->
                    "that username belongs to an account that is not an administrator";
                case "passwordShort" -> "the password must have at least 12 characters";
                case "passwordLong" -> "the password must have at most 128 characters";
                default -> e.getMessage();
              });
      return 2;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
      emf.close();
      Arrays.fill(password, '\0');
    }
  }
}
