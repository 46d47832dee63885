package org.opentrials.portal.services.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Failed staff sign-ins per client address and the addresses refused after too many, in the
 * database (tables sign_in_failure and sign_in_refusal, migration V16), so that every server
 * instance over the same database counts the same failures. Rows are only inserted and deleted,
 * never updated: concurrent sign-ins on several instances cannot conflict.
 */
public final class SignInFailures {
  private final EntityManager em;

  public SignInFailures(EntityManager em) {
    this.em = em;
  }

  public void add(String address, Instant at) {
    update("INSERT INTO sign_in_failure (client_address, failed_at) VALUES (?1, ?2)", address, at);
  }

  /** Failures from the address after {@code since}. */
  public long countAfter(String address, Instant since) {
    return count(
        "SELECT COUNT(*) FROM sign_in_failure WHERE client_address = ?1 AND failed_at > ?2",
        address,
        since);
  }

  /** Forgets the address's failures up to and including {@code until}. */
  public void forgetUpTo(String address, Instant until) {
    update(
        "DELETE FROM sign_in_failure WHERE client_address = ?1 AND failed_at <= ?2",
        address,
        until);
  }

  public void refuse(String address, Instant until) {
    update(
        "INSERT INTO sign_in_refusal (client_address, refused_until) VALUES (?1, ?2)",
        address,
        until);
  }

  /** Whether a refusal of the address lasts beyond {@code now}. */
  public boolean refused(String address, Instant now) {
    return count(
            "SELECT COUNT(*) FROM sign_in_refusal WHERE client_address = ?1 AND refused_until > ?2",
            address,
            now)
        > 0;
  }

  /**
   * Deletes failures up to {@code failuresUpTo} and refusals that ended by {@code refusalsUpTo}, of
   * every address; returns how many rows went.
   */
  public int sweep(Instant failuresUpTo, Instant refusalsUpTo) {
    return em.createNativeQuery("DELETE FROM sign_in_failure WHERE failed_at <= ?1")
            .setParameter(1, utc(failuresUpTo))
            .executeUpdate()
        + em.createNativeQuery("DELETE FROM sign_in_refusal WHERE refused_until <= ?1")
            .setParameter(1, utc(refusalsUpTo))
            .executeUpdate();
  }

  private void update(String sql, String address, Instant at) {
    em.createNativeQuery(sql).setParameter(1, address).setParameter(2, utc(at)).executeUpdate();
  }

  private long count(String sql, String address, Instant at) {
    return ((Number)
            em.createNativeQuery(sql)
                .setParameter(1, address)
                .setParameter(2, utc(at))
                .getSingleResult())
        .longValue();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
