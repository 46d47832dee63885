package org.opentrials.portal.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.opentrials.portal.registry.ImportCommand;
import org.opentrials.portal.registry.ImportReport;
import org.opentrials.portal.registry.RegistryReader;
import org.opentrials.portal.registry.RegistryStudy;
import org.opentrials.portal.registry.StudyMerger;

/**
 * The bulk-import benchmark (issue 6): generates {@code N} studies shaped like the real records
 * ({@link RegistryStudyGenerator}), then imports them into a fresh H2 file database the way the
 * command line does ({@link ImportCommand#load}), three times: the first import, the same file
 * again (nothing changed), and a newer download in which every tenth study changed. Before that it
 * times the phases alone (reading and decoding; reading, decoding and merging in memory) and, on a
 * separate in-memory database with 1,000 studies, counts the queries and the rows written per
 * study. Prints every figure with the heap limit, the peak heap used and the machine's load.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar org.opentrials.portal.benchmarks.ImportBenchmark [N] [DIR]
 * </pre>
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("import-bench");
    Files.createDirectories(dir);
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, load %s; heap limit %d MiB; Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        load(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));

    RegistryStudyGenerator generator = new RegistryStudyGenerator(20260615L);
    Path first = dir.resolve("studies-" + count + ".zip");
    Path newer = dir.resolve("studies-" + count + "-newer.zip");
    long t = System.nanoTime();
    generator.writeZip(count, 0, first);
    generator.writeZip(count, 1, newer);
    System.out.printf(
        Locale.ROOT,
        "generated %,d studies twice in %.1f s (%,d KB each ZIP)%n",
        count,
        secs(t),
        Files.size(first) >> 10);

    AtomicLong sites = new AtomicLong();
    t = System.nanoTime();
    RegistryReader.read(
        first, sink(s -> sites.addAndGet(s.contactsLocations().locations().size())));
    System.out.printf(
        Locale.ROOT,
        "phase read + decode: %.1f s (%,d sites, %.1f per study)%n",
        secs(t),
        sites.get(),
        sites.get() / (double) count);
    StudyMerger merger = new StudyMerger(Clock.systemUTC());
    t = System.nanoTime();
    RegistryReader.read(first, sink(s -> merger.merge(s, null, List.of())));
    System.out.printf(
        Locale.ROOT, "phase read + decode + merge (in memory, new trials): %.1f s%n", secs(t));

    statementsPerStudy(dir, generator);

    String url = "jdbc:h2:file:" + dir.resolve("trials").toAbsolutePath() + ";WRITE_DELAY=0";
    run("first import", url, first, count);
    run("unchanged re-import", url, first, count);
    run("re-import, every tenth study changed", url, newer, count);
    System.out.printf(
        Locale.ROOT,
        "heap limit %d MiB; peak use per pool: %s; load now %s%n",
        Runtime.getRuntime().maxMemory() >> 20,
        peakHeap(),
        load());
  }

  private static void run(String what, String url, Path file, int count) {
    long t = System.nanoTime();
    ImportReport report = ImportCommand.load(url, "sa", "", List.of(file), Map.of(), r -> {});
    double s = secs(t);
    System.out.printf(
        Locale.ROOT,
        "%s: %.1f s (%.0f studies/s): %s; load %s%n",
        what,
        s,
        count / s,
        report.summary(),
        load());
    if (report.skipped() > 0) {
      report.skippedStudies().stream()
          .limit(5)
          .forEach(r -> System.out.println("  skipped: " + r.summary()));
    }
  }

  /** A separate in-memory database: 1,000 studies imported, then again, counting statements. */
  private static void statementsPerStudy(Path dir, RegistryStudyGenerator generator) {
    int n = 1_000;
    Path file = dir.resolve("studies-" + n + ".zip");
    generator.writeZip(n, 0, file);
    String url = "jdbc:h2:mem:statements;DB_CLOSE_DELAY=-1";
    Map<String, String> counting =
        Map.of(
            "eclipselink.logging.logger",
            StatementCounter.class.getName(),
            "eclipselink.logging.level.sql",
            "FINE");
    for (String what : List.of("first import", "unchanged re-import")) {
      StatementCounter.reset();
      long before = rows(url);
      ImportCommand.load(url, "sa", "", List.of(file), counting, r -> {});
      System.out.printf(
          Locale.ROOT,
          "per study, %s of %,d: %.2f SELECT statements, %.1f rows written (%s)%n",
          what,
          n,
          StatementCounter.SELECT.get() / (double) n,
          (rows(url) - before) / (double) n,
          rowsByTable(url));
    }
  }

  private static final List<String> TABLES =
      List.of(
          "trial",
          "trial_phase",
          "trial_condition",
          "trial_keyword",
          "trial_collaborator",
          "trial_criterion",
          "arm_group",
          "arm_intervention",
          "trial_reference",
          "site",
          "registry_record",
          "audit_entry");

  private static long rows(String url) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
      long total = 0;
      for (String table : TABLES) {
        try (java.sql.ResultSet rs =
            c.createStatement().executeQuery("select count(*) from " + table)) {
          rs.next();
          total += rs.getLong(1);
        }
      }
      return total;
    } catch (java.sql.SQLException e) {
      return 0; // not migrated yet
    }
  }

  private static String rowsByTable(String url) {
    StringBuilder s = new StringBuilder();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
      for (String table : TABLES) {
        try (java.sql.ResultSet rs =
            c.createStatement().executeQuery("select count(*) from " + table)) {
          rs.next();
          s.append(s.length() == 0 ? "" : ", ").append(table).append(' ').append(rs.getLong(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return "in the database now: " + s;
  }

  private static RegistryReader.Sink sink(java.util.function.Consumer<RegistryStudy> each) {
    return new RegistryReader.Sink() {
      @Override
      public void study(RegistryStudy study) {
        each.accept(study);
      }

      @Override
      public void unreadable(String source, String reason) {
        throw new IllegalStateException(source + ": " + reason);
      }
    };
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | UncheckedIOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /**
   * Each heap pool's peak use (eden, survivor, old generation): what stayed live shows in the old
   * one.
   */
  private static String peakHeap() {
    StringBuilder s = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        s.append(s.length() == 0 ? "" : ", ")
            .append(pool.getName())
            .append(' ')
            .append(pool.getPeakUsage().getUsed() >> 20)
            .append(" MiB");
      }
    }
    return s.toString();
  }

  /** Counts the queries EclipseLink sends (installed as its logger, SQL at FINE). */
  public static final class StatementCounter extends AbstractSessionLog {
    static final AtomicInteger SELECT = new AtomicInteger();

    static void reset() {
      SELECT.set(0);
    }

    @Override
    public void log(SessionLogEntry entry) {
      String message = entry.getMessage();
      if (SessionLog.SQL.equals(entry.getNameSpace())
          && message != null
          && message.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
        SELECT.incrementAndGet();
      }
    }
  }
}
