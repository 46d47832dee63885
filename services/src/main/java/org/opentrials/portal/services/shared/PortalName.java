package org.opentrials.portal.services.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's name over every page: {@code trials.portal.name} when a deployment sets it (the same
 * in every language); otherwise the bundle's neutral name, or the demo's lupus name in demo mode. A
 * portal for breast-cancer and eczema trials must not call itself "Lupus Trials Finder".
 */
@Named("portal")
@ApplicationScoped
public class PortalName {
  private final Optional<String> configured;
  private final boolean demo;

  @Inject
  public PortalName(
      @ConfigProperty(name = "trials.portal.name") Optional<String> configured,
      @ConfigProperty(name = "trials.demo", defaultValue = "false") boolean demo) {
    this.configured = configured.map(String::strip).filter(s -> !s.isEmpty());
    this.demo = demo;
  }

  /** For the container's proxy. */
  protected PortalName() {
    this(Optional.empty(), false);
  }

  /** The configured name, or null when the bundle names the portal. */
  public String getConfiguredName() {
    return configured.orElse(null);
  }

  /** The bundle key of the name when none is configured. */
  public String getNameKey() {
    return demo ? "site.name.demo" : "site.name";
  }
}
