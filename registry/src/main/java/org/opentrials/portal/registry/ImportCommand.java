package org.opentrials.portal.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.opentrials.portal.services.audit.AuditAppender;
import org.opentrials.portal.services.changes.ChangeLog;
import org.opentrials.portal.services.persistence.ImportedRecords;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;

/**
 * Bulk load from the command line, without a server:
 *
 * <pre>
 * ImportCommand [--changes] JDBC_URL USER PASSWORD FILE_OR_ZIP...
 * </pre>
 *
 * <p>Brings the schema up to date with the same Flyway migrations as the server, then imports with
 * the production persistence unit "trials" switched to resource-local transactions (as the mapping
 * tests do), one transaction per batch of studies, each with its audit entries (actor "(import)",
 * role SYSTEM, reason "ClinicalTrials.gov import (command line) from FILE"). A PASSWORD of "-" is
 * read from the environment variable TRIALS_DATASOURCE_PASSWORD instead, so that it does not show
 * in the process list.
 *
 * <p>Prints one line per study, the warnings and reasons of those that had any ({@code --changes}:
 * every change too) and the totals. Exit status: 0 when every study was stored, 1 when some were
 * skipped, 2 when the command could not run (usage, database).
 */
public final class ImportCommand {
  static final String PASSWORD_VARIABLE = "TRIALS_DATASOURCE_PASSWORD";

  private ImportCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command without {@code System.exit}, for tests. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean printChanges = rest.remove("--changes");
    if (rest.size() < 4) {
      err.println("usage: ImportCommand [--changes] JDBC_URL USER PASSWORD|- FILE_OR_ZIP...");
      return 2;
    }
    String url = rest.get(0);
    String user = rest.get(1);
    String password =
        rest.get(2).equals("-") ? System.getenv().getOrDefault(PASSWORD_VARIABLE, "") : rest.get(2);
    List<Path> files = new ArrayList<>();
    for (String name : rest.subList(3, rest.size())) {
      Path file = Path.of(name);
      if (!Files.isRegularFile(file)) {
        err.println("not a file: " + name);
        return 2;
      }
      files.add(file);
    }
    try {
      ImportReport report =
          load(url, user, password, files, Map.of(), result -> print(result, printChanges, out));
      out.println(report.summary());
      return report.skipped() == 0 ? 0 : 1;
    } catch (DatabaseUnavailable e) {
      err.println("cannot open the database " + url + ": " + e.getMessage());
      return 2;
    }
  }

  /**
   * The bulk load without printing: migrates the database, imports the files in batches (a
   * transaction each, with their audit entries) and returns the counts, with only the skipped
   * studies and those with warnings kept.
   *
   * @param extraProperties further persistence-unit properties (a statement counter, say)
   * @throws DatabaseUnavailable when the schema cannot be migrated or the database opened
   */
  public static ImportReport load(
      String url,
      String user,
      String password,
      List<Path> files,
      Map<String, String> extraProperties,
      Consumer<StudyResult> listener) {
    EntityManagerFactory emf;
    try {
      Flyway.configure()
          .dataSource(url, user, password)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      Map<String, String> properties = new HashMap<>();
      properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
      properties.put("jakarta.persistence.jtaDataSource", "");
      properties.put("jakarta.persistence.jdbc.url", url);
      properties.put("jakarta.persistence.jdbc.user", user);
      properties.put("jakarta.persistence.jdbc.password", password);
      properties.putAll(extraProperties);
      emf = Persistence.createEntityManagerFactory("trials", properties);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailable(e.getMessage(), e);
    }
    try {
      Clock clock = Clock.systemUTC();
      StudyStore store = new StudyStore(clock);
      ImportActor actor = ImportActor.system("command line");
      return new ImportRun(
              batch -> inTransaction(emf, store, clock, actor, batch),
              ImportReport.Collector.problemsOnly(),
              listener)
          .files(files)
          .report();
    } finally {
      emf.close();
    }
  }

  /** The database could not be opened or migrated. */
  public static final class DatabaseUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static List<StudyResult> inTransaction(
      EntityManagerFactory emf,
      StudyStore store,
      Clock clock,
      ImportActor actor,
      List<RegistryStudy> batch) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      List<StudyResult> results =
          store.store(
              batch,
              new JpaTrialRepository(em),
              new JpaSiteRepository(em),
              new ImportedRecords(em));
      new AuditAppender(em, clock).appendAll(ImportAudit.records(results, actor));
      StudyResult.logChanges(results, new ChangeLog(em), clock.instant());
      tx.commit();
      return results;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close(); // a fresh persistence context per batch: memory stays flat over a long run
    }
  }

  private static void print(StudyResult result, boolean printChanges, PrintStream out) {
    out.println(result.summary());
    result.warnings().forEach(w -> out.println("    warning: " + w));
    if (printChanges) {
      result.changes().forEach(c -> out.println("    " + c));
    }
  }
}
