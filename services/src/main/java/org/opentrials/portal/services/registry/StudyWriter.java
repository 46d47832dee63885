package org.opentrials.portal.services.registry;

/**
 * Stores one study in a transaction of its own, so that a failing study is rolled back alone and
 * the batch goes on. Implemented by the container-managed {@link TransactionalStudyWriter} and by
 * {@link ImportCommand}'s resource-local transactions.
 */
@FunctionalInterface
public interface StudyWriter {
  /**
   * @throws RuntimeException when the study could not be stored (already rolled back); {@link
   *     StudySkipped} when it cannot become a trial at all
   */
  StudyResult write(RegistryStudy study);
}
