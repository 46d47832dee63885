package org.opentrials.portal.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The import in the container. Not transactional itself: reading a large file must not hold one
 * transaction open, so each batch of studies goes through {@link TransactionalStudyWriter} and
 * commits (or rolls back) on its own.
 */
@ApplicationScoped
public class StudyImportService implements StudyImport {
  private static final Logger LOG = Logger.getLogger(StudyImportService.class.getName());

  private TransactionalStudyWriter writer;

  /** For the container's proxies only (see README, "Injection"). */
  protected StudyImportService() {}

  @Inject
  public StudyImportService(TransactionalStudyWriter writer) {
    this.writer = writer;
  }

  @Override
  public ImportReport importFiles(List<Path> files) {
    return log(new ImportRun(writerFor(ImportActor.system("files"))).files(files).report());
  }

  @Override
  public ImportReport importStream(String name, InputStream in) {
    return log(
        new ImportRun(writerFor(ImportActor.system("demo content"))).stream(name, in).report());
  }

  @Override
  public ImportReport importStream(
      String name,
      InputStream in,
      ImportActor actor,
      ImportReport.Collector collector,
      Consumer<StudyResult> listener) {
    return log(
        new ImportRun(writerFor(actor), collector, listener)
            .withoutFailureDetails().stream(name, in).report());
  }

  @Override
  public StudyResult importStudy(RegistryStudy study) {
    ImportReport.Collector collector = ImportReport.Collector.everyStudy();
    new ImportRun(writerFor(ImportActor.system("single study")), collector, r -> {}).study(study);
    return collector.report().studies().get(0);
  }

  private StudyWriter writerFor(ImportActor actor) {
    return batch -> writer.write(batch, actor);
  }

  private static ImportReport log(ImportReport report) {
    LOG.info(() -> "Registry import: " + report.summary());
    return report;
  }
}
