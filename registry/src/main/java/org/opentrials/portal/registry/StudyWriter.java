package org.opentrials.portal.registry;

import java.util.List;

/**
 * Stores a batch of studies in one transaction of its own, all or nothing. Implemented by the
 * container-managed {@link TransactionalStudyWriter} and by {@link ImportCommand}'s resource-local
 * transactions. {@link ImportRun} retries a batch that failed study by study, so that a failing
 * study is rolled back alone and the others go on.
 */
@FunctionalInterface
public interface StudyWriter {
  /**
   * @param batch studies with distinct NCT numbers
   * @return each study's result in the batch's order; a study that cannot become a trial at all is
   *     among them as skipped
   * @throws RuntimeException when the batch could not be stored (already rolled back)
   */
  List<StudyResult> write(List<RegistryStudy> batch);
}
