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
import org.opentrials.portal.services.registry.ImportCommand;
import org.opentrials.portal.services.registry.ImportReport;
import org.opentrials.portal.services.registry.RegistryReader;
import org.opentrials.portal.services.registry.RegistryStudy;
import org.opentrials.portal.services.registry.StudyMerger;

/**
 * The bulk-import benchmark (issue 6): generates {@code N} studies shaped like the real records
 * ({@link RegistryStudyGenerator}), then imports them into a fresh H2 file database the way the
 * command line does ({@link ImportCommand#load}), three times: the first import, the same file again
 * (nothing changed), and a newer download in which every tenth study changed. Before that it times
 * the phases alone (reading and decoding; reading, decoding and merging in memory) and, on a
 * separate run of 1,000 studies, counts the SQL statements per study. Prints every figure with the
 * heap limit, the peak heap used and the machine's load.
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
    System.out.printf(Locale.ROOT, "machine: %d cores, load %s; heap limit %d MiB; Java %s%n",
        Runtime.getRuntime().availableProcessors(), load(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));

    RegistryStudyGenerator generator = new RegistryStudyGenerator(20260615L);
    Path first = dir.resolve("studies-" + count + ".zip");
    Path newer = dir.resolve("studies-" + count + "-newer.zip");
    long t = System.nanoTime();
    generator.writeZip(count, 0, first);
    generator.writeZip(count, 1, newer);
    System.out.printf(Locale.ROOT, "generated %,d studies twice in %.1f s (%,d KB each ZIP)%n", count, secs(t),
        Files.size(first) >> 10);

    AtomicLong sites = new AtomicLong();
    t = System.nanoTime();
    RegistryReader.read(first, sink(s -> sites.addAndGet(s.contactsLocations().locations().size())));
    System.out.printf(Locale.ROOT, "phase read + decode: %.1f s (%,d sites, %.1f per study)%n", secs(t), sites.get(),
        sites.get() / (double) count);
    StudyMerger merger = new StudyMerger(Clock.systemUTC());
    t = System.nanoTime();
    RegistryReader.read(first, sink(s -> merger.merge(s, null, List.of())));
    System.out.printf(Locale.ROOT, "phase read + decode + merge (in memory, new trials): %.1f s%n", secs(t));

    statementsPerStudy(dir, generator);

    String url = "jdbc:h2:file:" + dir.resolve("trials").toAbsolutePath() + ";WRITE_DELAY=0";
    run("first import", url, first, count);
    run("unchanged re-import", url, first, count);
    run("re-import, every tenth study changed", url, newer, count);
    System.out.printf(Locale.ROOT, "peak heap used: %d MiB of %d MiB; load now %s%n", peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20, load());
  }

  private static void run(String what, String url, Path file, int count) {
    long t = System.nanoTime();
    ImportReport report = ImportCommand.load(url, "sa", "", List.of(file), Map.of(), r -> {});
    double s = secs(t);
    System.out.printf(Locale.ROOT, "%s: %.1f s (%.0f studies/s): %s; load %s%n", what, s, count / s, report.summary(),
        load());
    if (report.skipped() > 0) {
      report.skippedStudies().stream().limit(5).forEach(r -> System.out.println("  skipped: " + r.summary()));
    }
  }

  /** A separate in-memory database: 1,000 studies imported, then again, counting statements. */
  private static void statementsPerStudy(Path dir, RegistryStudyGenerator generator) {
    int n = 1_000;
    Path file = dir.resolve("studies-" + n + ".zip");
    generator.writeZip(n, 0, file);
    String url = "jdbc:h2:mem:statements;DB_CLOSE_DELAY=-1";
    Map<String, String> counting = Map.of("eclipselink.logging.logger", StatementCounter.class.getName(),
        "eclipselink.logging.level.sql", "FINE", "eclipselink.logging.level.transaction", "FINER");
    for (String what : List.of("first import", "unchanged re-import")) {
      StatementCounter.reset();
      ImportCommand.load(url, "sa", "", List.of(file), counting, r -> {});
      System.out.printf(Locale.ROOT, "statements per study, %s of %,d: %.2f select, %.2f insert, %.2f update,"
          + " %.2f delete; %.2f JDBC batches; %.3f commits%n", what, n, StatementCounter.SELECT.get() / (double) n,
          StatementCounter.INSERT.get() / (double) n, StatementCounter.UPDATE.get() / (double) n,
          StatementCounter.DELETE.get() / (double) n, StatementCounter.BATCH.get() / (double) n,
          StatementCounter.COMMIT.get() / (double) n);
    }
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
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** Counts the SQL EclipseLink sends, by kind (installed as its logger, SQL at FINE). */
  public static final class StatementCounter extends AbstractSessionLog {
    static final AtomicInteger SELECT = new AtomicInteger();
    static final AtomicInteger INSERT = new AtomicInteger();
    static final AtomicInteger UPDATE = new AtomicInteger();
    static final AtomicInteger DELETE = new AtomicInteger();
    static final AtomicInteger BATCH = new AtomicInteger();
    static final AtomicInteger COMMIT = new AtomicInteger();

    static void reset() {
      List.of(SELECT, INSERT, UPDATE, DELETE, BATCH, COMMIT).forEach(c -> c.set(0));
    }

    @Override
    public void log(SessionLogEntry entry) {
      String message = entry.getMessage();
      if (message == null) {
        return;
      }
      String m = message.stripLeading().toUpperCase(Locale.ROOT);
      if (SessionLog.SQL.equals(entry.getNameSpace())) {
        if (m.startsWith("SELECT")) {
          SELECT.incrementAndGet();
        } else if (m.startsWith("INSERT")) {
          INSERT.incrementAndGet();
        } else if (m.startsWith("UPDATE")) {
          UPDATE.incrementAndGet();
        } else if (m.startsWith("DELETE")) {
          DELETE.incrementAndGet();
        } else if (m.startsWith("EXECUTING BATCH")) {
          BATCH.incrementAndGet();
        }
      } else if (m.contains("COMMIT")) {
        COMMIT.incrementAndGet();
      }
    }
  }
}
