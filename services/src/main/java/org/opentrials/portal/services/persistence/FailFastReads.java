package org.opentrials.portal.services.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that met a broken connection up to 3 times, waiting 5 s before each
 * attempt: with the database out of reach a staff page took 10 s to say "try again" (FaultsIT),
 * holding one of the server's HTTP threads all along. The retries stay (a connection the database
 * dropped is replaced at once), without the wait; the pool's validation and its wait bound the rest
 * (README "Security tests", faults).
 */
public class FailFastReads implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
