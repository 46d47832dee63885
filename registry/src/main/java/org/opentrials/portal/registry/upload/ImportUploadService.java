package org.opentrials.portal.registry.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.registry.ImportActor;
import org.opentrials.portal.registry.ImportReport;
import org.opentrials.portal.registry.StudyImport;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Uploads in the container: the caller is checked and the file copied to a temporary file in the
 * request; the import then runs on the server's managed executor, so the page returns at once and
 * follows the progress. The audit trail names the uploading administrator (fixed when the upload
 * starts, not taken from the background thread). Imports are kept in memory for an hour after they
 * end, for their page; the server's log has each one's summary.
 */
@ApplicationScoped
public class ImportUploadService implements ImportUploads {
  private static final Logger LOG = Logger.getLogger(ImportUploadService.class.getName());

  /** How long a finished import's report stays available to its page. */
  static final Duration KEPT = Duration.ofHours(1);

  /** How many changes an upload's report lists; the audit trail has every one. */
  static final int REPORT_CHANGES = 2_000;

  private Executor executor;
  private StaffCaller caller;
  private AuditTrail audit;
  private StudyImport studyImport;
  private Clock clock;

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /** For the container's proxies only (see README, "Injection"). */
  protected ImportUploadService() {}

  @Inject
  public ImportUploadService(
      Executor executor,
      StaffCaller caller,
      AuditTrail audit,
      StudyImport studyImport,
      Clock clock) {
    this.executor = executor;
    this.caller = caller;
    this.audit = audit;
    this.studyImport = studyImport;
    this.clock = clock;
  }

  @Override
  public String start(String fileName, long size, InputStream content) {
    StaffAccount account = requireAdministrator();
    if (size > MAX_BYTES) {
      throw new UploadRefused(UploadRefused.Reason.TOO_LARGE);
    }
    Path file = copy(content);
    long stored = size(file);
    if (stored == 0 || stored > MAX_BYTES) {
      delete(file);
      throw new UploadRefused(
          stored == 0 ? UploadRefused.Reason.EMPTY : UploadRefused.Reason.TOO_LARGE);
    }
    forgetOldJobs();
    String id = UUID.randomUUID().toString();
    String name = baseName(fileName);
    Job job = new Job(account.username(), name, stored);
    jobs.put(id, job);
    ImportActor actor =
        new ImportActor(
            account.username(), account.role().name(), "upload by " + account.username());
    LOG.info(
        () ->
            "Registry import "
                + id
                + " of "
                + name
                + " ("
                + stored
                + " bytes) started by "
                + account.username());
    executor.execute(() -> run(id, job, file, actor));
    return id;
  }

  @Override
  public Optional<ImportProgress> progress(String id) {
    Optional<StaffAccount> account = caller.account();
    Job job = jobs.get(id);
    if (job == null || account.isEmpty() || !account.get().username().equals(job.owner)) {
      return Optional.empty();
    }
    return Optional.of(
        new ImportProgress(
            job.fileName,
            job.read.get(),
            job.total,
            job.collector.count(),
            job.report,
            job.failed));
  }

  private void run(String id, Job job, Path file, ImportActor actor) {
    try (InputStream in = new Counting(Files.newInputStream(file), job.read)) {
      job.report = studyImport.importStream(job.fileName, in, actor, job.collector, r -> {});
      LOG.info(
          () ->
              "Registry import " + id + " of " + job.fileName + " ended: " + job.report.summary());
    } catch (IOException | RuntimeException e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(
          Level.SEVERE,
          "incident " + incident + ": registry import " + id + " of " + job.fileName + " failed",
          e);
      job.failed = true;
    } finally {
      job.finishedAt = clock.instant();
      delete(file);
    }
  }

  private StaffAccount requireAdministrator() {
    StaffAccount account = caller.require();
    if (account.role() != Role.ADMINISTRATOR) {
      audit.recordRefusal(
          AuditRecord.about(
              account.username(),
              account.role().name(),
              AuditAction.ACCESS_DENIED,
              "Import",
              "upload",
              null));
      throw new AccessDenied("only administrators may import studies");
    }
    return account;
  }

  private void forgetOldJobs() {
    Instant before = clock.instant().minus(KEPT);
    jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(before));
  }

  private static Path copy(InputStream content) {
    try {
      Path file = Files.createTempFile("registry-upload-", ".tmp");
      try (OutputStream out = Files.newOutputStream(file)) {
        // One byte more than allowed tells a file that is too large without storing all of it.
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while (total <= MAX_BYTES && (n = content.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          total += n;
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete the upload " + file, e);
    }
  }

  /** The file's own name, without any folder a browser sent along. */
  static String baseName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    return name.isEmpty() ? "upload" : name;
  }

  /** One upload's import. */
  private static final class Job {
    final String owner;
    final String fileName;
    final long total;
    final AtomicLong read = new AtomicLong();
    final ImportReport.Collector collector =
        ImportReport.Collector.everyStudyWithChangesUpTo(REPORT_CHANGES);
    volatile ImportReport report;
    volatile boolean failed;
    volatile Instant finishedAt;

    Job(String owner, String fileName, long total) {
      this.owner = owner;
      this.fileName = fileName;
      this.total = total;
    }
  }

  /** Counts the bytes the import has read. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
