package org.opentrials.portal.services.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portal names itself from configuration; the demo for lupus, a deployment as it is told. */
class PortalNameTest {
  @Test
  void aConfiguredNameWinsInEveryMode() {
    PortalName name = new PortalName(Optional.of("  Breast Cancer Trials Finder "), true);
    assertThat(name.getConfiguredName()).isEqualTo("Breast Cancer Trials Finder");
  }

  @Test
  void withoutOneTheDemoIsTheLupusFinderAndADeploymentIsNeutral() {
    assertThat(new PortalName(Optional.empty(), true).getNameKey()).isEqualTo("site.name.demo");
    assertThat(new PortalName(Optional.of(" "), false).getConfiguredName()).isNull();
    assertThat(new PortalName(Optional.empty(), false).getNameKey()).isEqualTo("site.name");
  }
}
