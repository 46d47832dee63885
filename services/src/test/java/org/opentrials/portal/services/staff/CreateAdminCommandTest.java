package org.opentrials.portal.services.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.audit.AuditAppender;
import org.opentrials.portal.services.persistence.JpaStaffRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/**
 * The first administrator outside demo mode: created once from the command line or configuration,
 * never again once an administrator exists, and the password kept only as its hash.
 */
class CreateAdminCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  private int run(Map<String, String> env, CreateAdminCommand.Prompt prompt, String... args) {
    return CreateAdminCommand.run(
        args,
        env,
        prompt,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void createsTheFirstAdministratorFromTheEnvironmentOnceOnly() throws Exception {
    Map<String, String> env = Map.of("TRIALS_ADMIN_PASSWORD", "a long enough secret");
    assertThat(run(env, null, url, "sa", "", "Chief.Admin")).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Administrator chief.admin created.")
        .doesNotContain("a long enough secret");
    assertThat(column("select password_hash from staff_account where username = 'chief.admin'"))
        .containsExactly("argon2id")
        .isNotEmpty();
    assertThat(
            column(
                "select actor || ' ' || action || ' ' || entity_key || ' ' || reason from audit_entry"))
        .containsExactly("(system) CREATE chief.admin first administrator, from the command line");

    out.reset();
    assertThat(
            run(
                Map.of("TRIALS_ADMIN_PASSWORD", "another long secret"),
                null,
                url,
                "sa",
                "",
                "second.admin"))
        .isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("An administrator exists already; nothing created");
    assertThat(column("select username from staff_account")).containsExactly("chief.admin");
  }

  @Test
  void generatesAndPrintsAPasswordOnceOrAsksTwice() throws Exception {
    assertThat(run(Map.of(), null, "--generate", url, "sa", "", "gen.admin")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("Password \\(shown only now\\): [A-Za-z2-9]{20}");

    String other = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    List<String> answers = new ArrayList<>(List.of("one long password", "another long one"));
    assertThat(run(Map.of(), q -> answers.remove(0).toCharArray(), other, "sa", "", "typo.admin"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("the two passwords differ");
  }

  @Test
  void refusesAShortPasswordAndExplainsHowToCallIt() {
    assertThat(
            run(Map.of("TRIALS_ADMIN_PASSWORD", "too short"), null, url, "sa", "", "chief.admin"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12 characters");
    assertThat(run(Map.of(), null, url, "sa", "", "chief.admin")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("set TRIALS_ADMIN_PASSWORD");
    assertThat(run(Map.of(), null, url)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: CreateAdminCommand");
  }

  @Test
  void configurationAtStartDoesNothingOnceAnAdministratorExists() {
    try (TestDatabase db = new TestDatabase()) {
      Clock clock = Clock.systemUTC();
      List<FirstAdministrator.Outcome> outcomes = new ArrayList<>();
      for (String name : List.of("first.admin", "second.admin")) {
        db.inTransaction(
            em ->
                outcomes.add(
                    FirstAdministrator.createIfNone(
                        new JpaStaffRepository(em),
                        new AuditAppender(em, clock)::append,
                        clock,
                        name,
                        "twelve chars and more".toCharArray(),
                        "configuration")));
      }
      assertThat(outcomes)
          .containsExactly(
              FirstAdministrator.Outcome.CREATED, FirstAdministrator.Outcome.ADMINISTRATOR_EXISTS);
    }
  }

  private List<String> column(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (var c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        String v = rs.getString(1);
        values.add(v.startsWith("$argon2id$") ? "argon2id" : v);
      }
    }
    return values;
  }
}
