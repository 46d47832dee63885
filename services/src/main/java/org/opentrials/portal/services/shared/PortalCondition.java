package org.opentrials.portal.services.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The condition the portal is about, where "Which trials might fit me?" starts when the visitor
 * names none: {@code trials.portal.condition} when a deployment sets it, "lupus" in demo mode,
 * otherwise none (the visitor is asked).
 */
@ApplicationScoped
public class PortalCondition {
  private final String condition;

  @Inject
  public PortalCondition(
      @ConfigProperty(name = "trials.portal.condition") Optional<String> configured,
      @ConfigProperty(name = "trials.demo", defaultValue = "false") boolean demo) {
    this.condition =
        configured.map(String::strip).filter(s -> !s.isEmpty()).orElse(demo ? "lupus" : null);
  }

  /** For the container's proxy. */
  protected PortalCondition() {
    this(Optional.empty(), false);
  }

  /** The condition, or null when the visitor must name one. */
  public String condition() {
    return condition;
  }
}
