package org.opentrials.portal.services.registry;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One import: reads inputs study by study, stores each through a {@link StudyWriter} (one
 * transaction per study) and collects the report. What goes wrong with one study or file is
 * reported and the run goes on. Shared by the application service and the command line, which
 * differ only in how they open transactions and how much of the report they keep.
 */
public final class ImportRun {
  private static final Logger LOG = Logger.getLogger(ImportRun.class.getName());

  private final StudyWriter writer;
  private final ImportReport.Collector collector;
  private final Consumer<StudyResult> listener;

  /**
   * @param listener told of each study's result as soon as it is stored, e.g. to print progress
   */
  public ImportRun(StudyWriter writer, ImportReport.Collector collector, Consumer<StudyResult> listener) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.collector = Objects.requireNonNull(collector, "collector");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Keeps every result, tells nobody along the way. */
  public ImportRun(StudyWriter writer) {
    this(writer, ImportReport.Collector.everyStudy(), r -> {});
  }

  public ImportRun files(List<Path> files) {
    files.forEach(f -> RegistryReader.read(f, sink()));
    return this;
  }

  public ImportRun stream(String name, InputStream in) {
    RegistryReader.read(name, in, sink());
    return this;
  }

  /** Stores one study already read. */
  public ImportRun study(RegistryStudy study) {
    record(write(study));
    return this;
  }

  public ImportReport report() {
    return collector.report();
  }

  private RegistryReader.Sink sink() {
    return new RegistryReader.Sink() {
      @Override
      public void study(RegistryStudy study) {
        record(write(study));
      }

      @Override
      public void unreadable(String source, String reason) {
        record(StudyResult.skipped(source, null, reason, List.of()));
      }
    };
  }

  private StudyResult write(RegistryStudy study) {
    try {
      return writer.write(study);
    } catch (StudySkipped e) {
      return StudyResult.skipped(study.source(), study.nctId(), e.getMessage(), study.warnings());
    } catch (RuntimeException e) {
      // A constraint the database enforces, a lost connection, a bug: this study only.
      LOG.log(Level.WARNING, "study " + study.nctId() + " from " + study.source() + " could not be stored", e);
      return StudyResult.skipped(study.source(), study.nctId(), "could not be stored: " + rootMessage(e),
          study.warnings());
    }
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
