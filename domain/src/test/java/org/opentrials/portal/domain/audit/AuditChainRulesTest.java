package org.opentrials.portal.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The chain's rules in plain Java: numbering, linking, and a hash that covers every recorded value.
 */
class AuditChainRulesTest {
  private static final Instant AT = Instant.parse("2026-03-04T05:06:07.891234Z");

  private static AuditRecord change(String oldValue, String newValue) {
    return new AuditRecord(
        "investigator.cedars",
        "INVESTIGATOR",
        AuditAction.UPDATE,
        "Site",
        "NCT02633163/cedars-sinai",
        "status",
        oldValue,
        newValue,
        "paused");
  }

  @Test
  void entriesAreNumberedFromOneAndEachFollowsTheLast() {
    AuditHead head = AuditHead.empty();
    AuditEntry first = head.append(change("RECRUITING", "SUSPENDED"), AT);
    AuditEntry second = head.append(change("SUSPENDED", "RECRUITING"), AT);
    assertThat(first.id()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS_HASH);
    assertThat(second.id()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(head.lastEntryId()).isEqualTo(2);
    assertThat(head.lastHash()).isEqualTo(second.hash()).matches("[0-9a-f]{64}");
    assertThat(first.contentIsIntact()).isTrue();
  }

  @Test
  void theTimeIsKeptToTheMillisecondInUtc() {
    AuditEntry e = AuditHead.empty().append(change("A", "B"), AT);
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.891Z"));
    assertThat(e.canonicalContent()).contains("occurredAt=24:2026-03-04T05:06:07.891Z\n");
  }

  @Test
  void theSameContentAfterAnotherEntryHashesDifferently() {
    AuditEntry alone = AuditHead.empty().append(change("A", "B"), AT);
    AuditHead other = AuditHead.empty();
    other.append(change("X", "Y"), AT);
    AuditEntry followed = other.append(change("A", "B"), AT);
    assertThat(followed.hash()).isNotEqualTo(alone.hash());
  }

  @Test
  void valuesCannotImitateAFieldBoundary() {
    // Without length prefixes, moving text between old and new value could keep the content the
    // same.
    String a = AuditHead.empty().append(change("x\nnewValue=y", null), AT).canonicalContent();
    String b = AuditHead.empty().append(change("x", "y"), AT).canonicalContent();
    assertThat(a).isNotEqualTo(b);
    assertThat(AuditHead.empty().append(change(null, "B"), AT).hash())
        .isNotEqualTo(AuditHead.empty().append(change("", "B"), AT).hash());
  }

  @Test
  void aRecordNeedsWhoWhatAndWhichObject() {
    assertThatThrownBy(
            () ->
                new AuditRecord(
                    " ", "INVESTIGATOR", AuditAction.UPDATE, "Site", "k", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new AuditRecord("a", "INVESTIGATOR", null, "Site", "k", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> change("x".repeat(AuditRecord.MAX_VALUE_LENGTH + 1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(change(" keeps its spaces ", null).oldValue()).isEqualTo(" keeps its spaces ");
  }
}
