package org.opentrials.portal.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.domain.testing.StaffAccountBuilder.aStaffAccount;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.NctNumber;

/** A staff account cannot be built or changed into an invalid one. */
class StaffAccountInvariantsTest {
  private static final NctNumber NCT = NctNumber.of("NCT00000001");

  @Test
  void aUsernameIsThreeToEightyOfLettersDigitsAndDotUnderscoreAtDashInLowerCase() {
    assertThat(aStaffAccount().named("Investigator.Cedars").build().username())
        .isEqualTo("investigator.cedars");
    assertThatThrownBy(() -> aStaffAccount().named("ab").build()).hasMessageContaining("3 to 80");
    assertThatThrownBy(() -> aStaffAccount().named("with space").build())
        .hasMessageContaining("3 to 80");
    assertThatThrownBy(() -> aStaffAccount().named(null).build())
        .hasMessageContaining("username is required");
  }

  @Test
  void anAccountNeedsARoleAPasswordHashAndACreationTime() {
    assertThatThrownBy(() -> aStaffAccount().as(null).build()).hasMessageContaining("role");
    assertThatThrownBy(() -> aStaffAccount().withPasswordHash("").build())
        .hasMessageContaining("password hash");
    assertThatThrownBy(() -> aStaffAccount().createdAt(null).build())
        .hasMessageContaining("creation time");
  }

  @Test
  void onlySponsorStaffWorkOnTrialsAndOnlyInvestigatorsOnSites() {
    StaffAccount investigator = aStaffAccount().as(Role.INVESTIGATOR).build();
    assertThatThrownBy(() -> investigator.replaceTrials(Set.of(NCT)))
        .hasMessageContaining("only sponsor staff");
    investigator.replaceSites(Set.of(7L));
    assertThat(investigator.sites()).containsExactly(7L);

    StaffAccount sponsor = aStaffAccount().named("sponsor.test").as(Role.SPONSOR_STAFF).build();
    assertThatThrownBy(() -> sponsor.replaceSites(Set.of(7L)))
        .hasMessageContaining("only investigators");
    sponsor.replaceTrials(Set.of(NCT));
    assertThat(sponsor.trials()).containsExactly(NCT);
    assertThat(sponsor.sites()).isEmpty();
  }

  @Test
  void aLockHoldsUntilItsTimeOrAnUnlockOrASuccessfulSignIn() {
    Instant now = Instant.parse("2026-12-03T12:00:00Z");
    StaffAccount account = aStaffAccount().build();
    account.recordFailedSignIn(now.plusSeconds(60));
    assertThat(account.failedAttempts()).isEqualTo(1);
    assertThat(account.lockedAt(now)).isTrue();
    assertThat(account.lockedAt(now.plusSeconds(60))).isFalse();
    account.unlock();
    assertThat(account.lockedAt(now)).isFalse();
    assertThat(account.failedAttempts()).isZero();
  }
}
