package org.opentrials.portal.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An audit record keeps values exactly as they were, and refuses what it cannot hold. */
class AuditRecordInvariantsTest {
  private static AuditRecord withNewValue(String value) {
    return new AuditRecord(
        "admin.test", "ADMINISTRATOR", AuditAction.UPDATE, "Site", "k", "f", null, value, null);
  }

  @Test
  void valuesAreKeptExactlyWithTheirSpaces() {
    assertThat(withNewValue("  two spaces  ").newValue()).isEqualTo("  two spaces  ");
  }

  @Test
  void aValueLongerThanAnEntryHoldsIsRefusedUnlessFittedFirst() {
    String huge = "x".repeat(AuditRecord.MAX_VALUE_LENGTH + 1);
    assertThatThrownBy(() -> withNewValue(huge)).hasMessageContaining("new value is longer");
    String fitted = AuditRecord.fit(huge);
    assertThat(fitted).hasSize(AuditRecord.MAX_VALUE_LENGTH).contains("20001 characters, SHA-256");
    assertThat(withNewValue(fitted).newValue()).isEqualTo(fitted);
    assertThat(AuditRecord.fit("short")).isEqualTo("short");
  }

  @Test
  void theActorsRoleAndTheObjectsKeyHaveBounds() {
    assertThatThrownBy(
            () ->
                new AuditRecord(
                    "a", "x".repeat(21), AuditAction.UPDATE, "Site", "k", null, null, null, null))
        .hasMessageContaining("actor role");
    assertThatThrownBy(
            () ->
                AuditRecord.about(
                    "a", "ADMINISTRATOR", AuditAction.UPDATE, "Site", "k".repeat(201), null))
        .hasMessageContaining("entity key");
  }
}
