package org.opentrials.portal.services.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The container-managed entity manager of the "trials" unit as a CDI bean, so repositories and
 * services receive it through their constructor like any other dependency (tests pass their own).
 */
@ApplicationScoped
public class TrialsEntityManager {
  @Produces
  @PersistenceContext(unitName = "trials")
  private EntityManager em;
}
