package org.opentrials.portal.registry;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One import: reads inputs study by study, stores them in batches through a {@link StudyWriter}
 * (one transaction per batch) and collects the report. What goes wrong with one study or file is
 * reported and the run goes on: a batch that fails is rolled back and its studies are stored again
 * one per transaction, so that only the study at fault is skipped. Shared by the application
 * service and the command line, which differ only in how they open transactions and how much of the
 * report they keep.
 *
 * <p>A batch holds at most {@link #BATCH_STUDIES} studies and about {@link #BATCH_SITES} sites, so
 * memory stays bounded whatever the input's size; results are reported in input order.
 */
public final class ImportRun {
  private static final Logger LOG = Logger.getLogger(ImportRun.class.getName());

  /** Studies per transaction: enough to share each commit's cost, few enough to hold in memory. */
  static final int BATCH_STUDIES = 100;

  /** Sites per transaction, roughly: a batch is closed once its studies list this many. */
  static final int BATCH_SITES = 3_000;

  private final StudyWriter writer;
  private final ImportReport.Collector collector;
  private final Consumer<StudyResult> listener;
  private final List<RegistryStudy> batch = new ArrayList<>();
  private final Set<String> batchNcts = new HashSet<>();
  private int batchSites;
  private boolean failureDetails = true;

  /**
   * @param listener told of each study's result as soon as it is stored, e.g. to print progress
   */
  public ImportRun(
      StudyWriter writer, ImportReport.Collector collector, Consumer<StudyResult> listener) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.collector = Objects.requireNonNull(collector, "collector");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Keeps every result, tells nobody along the way. */
  public ImportRun(StudyWriter writer) {
    this(writer, ImportReport.Collector.everyStudy(), r -> {});
  }

  /**
   * Reports a study the database refused with an incident id that the server log explains, not with
   * the database's own message (which may name tables and constraints): for reports shown in a
   * browser.
   */
  public ImportRun withoutFailureDetails() {
    failureDetails = false;
    return this;
  }

  public ImportRun files(List<Path> files) {
    files.forEach(f -> RegistryReader.read(f, sink()));
    flush();
    return this;
  }

  public ImportRun stream(String name, InputStream in) {
    RegistryReader.read(name, in, sink());
    flush();
    return this;
  }

  /** Stores one study already read. */
  public ImportRun study(RegistryStudy study) {
    add(study);
    flush();
    return this;
  }

  public ImportReport report() {
    return collector.report();
  }

  private RegistryReader.Sink sink() {
    return new RegistryReader.Sink() {
      @Override
      public void study(RegistryStudy study) {
        add(study);
      }

      @Override
      public void unreadable(String source, String reason) {
        flush(); // the studies before it are reported first
        record(StudyResult.skipped(source, null, reason, List.of()));
      }
    };
  }

  private void add(RegistryStudy study) {
    // The same trial twice in one batch would be merged twice against what was read before either.
    String key =
        study.nctId() == null ? null : study.nctId().strip().toUpperCase(java.util.Locale.ROOT);
    if (key != null && batchNcts.contains(key)) {
      flush();
    }
    batch.add(study);
    if (key != null) {
      batchNcts.add(key);
    }
    batchSites +=
        study.contactsLocations() == null ? 0 : study.contactsLocations().locations().size();
    if (batch.size() >= BATCH_STUDIES || batchSites >= BATCH_SITES) {
      flush();
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<RegistryStudy> studies = List.copyOf(batch);
    batch.clear();
    batchNcts.clear();
    batchSites = 0;
    List<StudyResult> results;
    try {
      results = writer.write(studies);
    } catch (RuntimeException e) {
      if (studies.size() == 1) {
        record(failed(studies.get(0), e));
        return;
      }
      LOG.log(
          Level.INFO,
          "a batch of " + studies.size() + " studies could not be stored; storing them one by one",
          e);
      for (RegistryStudy study : studies) {
        record(writeAlone(study));
      }
      return;
    }
    results.forEach(this::record);
  }

  private StudyResult writeAlone(RegistryStudy study) {
    try {
      return writer.write(List.of(study)).get(0);
    } catch (RuntimeException e) {
      return failed(study, e);
    }
  }

  private StudyResult failed(RegistryStudy study, RuntimeException e) {
    if (e instanceof StudySkipped) {
      return StudyResult.skipped(study.source(), study.nctId(), e.getMessage(), study.warnings());
    }
    // A constraint the database enforces, a lost connection, a bug: this study only.
    String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
    LOG.log(
        Level.WARNING,
        "incident "
            + incident
            + ": study "
            + study.nctId()
            + " from "
            + study.source()
            + " could not be stored",
        e);
    return StudyResult.skipped(
        study.source(),
        study.nctId(),
        failureDetails
            ? "could not be stored: " + rootMessage(e)
            : "could not be stored (incident " + incident + " in the server log)",
        study.warnings());
  }

  private void record(StudyResult result) {
    listener.accept(result);
    collector.accept(result);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
