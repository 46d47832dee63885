package org.opentrials.portal.domain.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.opentrials.portal.domain.shared.Require;
import org.opentrials.portal.domain.trial.NctNumber;

/**
 * A visitor's request that a site contact them (or keep them on its waitlist), stored only with
 * their explicit consent. Name, phone, email, preferred time and pre-screening answers are one
 * encrypted payload; the key id says which key sealed it, so keys can be rotated. The reference is
 * what the visitor quotes; the withdrawal secret is kept only as a hash.
 */
@Entity
@Table(name = "contact_request")
public class ContactRequest {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_request_seq")
  @SequenceGenerator(
      name = "contact_request_seq",
      sequenceName = "contact_request_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "reference", length = 12, nullable = false, unique = true, updatable = false)
  private String reference;

  /** One per submitted form: a retried or doubled submission finds the request it already made. */
  @Column(name = "submission_key", length = 64, nullable = false, unique = true, updatable = false)
  private String submissionKey;

  @Column(name = "nct_id", length = 11, nullable = false, updatable = false)
  private NctNumber nctId;

  @Column(name = "site_id", nullable = false, updatable = false)
  private Long siteId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 10, nullable = false, updatable = false)
  private RequestKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 20, nullable = false)
  private RequestStatus status;

  /**
   * The pre-screening verdict when the visitor asked (LIKELY_ELIGIBLE, NEEDS_REVIEW...), or null.
   */
  @Column(name = "verdict", length = 20, updatable = false)
  private String verdict;

  @Column(name = "consent_version", length = 20, nullable = false, updatable = false)
  private String consentVersion;

  @Column(name = "consented_at", nullable = false, updatable = false)
  private Instant consentedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** When the site team last changed the status; null while it is NEW. */
  @Column(name = "status_changed_at")
  private Instant statusChangedAt;

  @Column(name = "key_id", length = 40, nullable = false, updatable = false)
  private String keyId;

  @Column(name = "sealed_payload", length = 20000, nullable = false, updatable = false)
  private String sealedPayload;

  @Column(name = "withdrawal_hash", length = 64, nullable = false, updatable = false)
  private String withdrawalHash;

  protected ContactRequest() {}

  public ContactRequest(
      String reference,
      String submissionKey,
      NctNumber nctId,
      Long siteId,
      RequestKind kind,
      String verdict,
      String consentVersion,
      Instant consentedAt,
      String keyId,
      String sealedPayload,
      String withdrawalHash) {
    this.reference = Require.text(reference, "reference", 12);
    this.submissionKey = Require.text(submissionKey, "submission key", 64);
    this.nctId = Require.present(nctId, "trial");
    this.siteId = Require.present(siteId, "site");
    this.kind = Require.present(kind, "kind");
    this.verdict = verdict;
    this.consentVersion = Require.text(consentVersion, "consent version", 20);
    this.consentedAt = Require.present(consentedAt, "consent time");
    this.createdAt = consentedAt;
    this.keyId = Require.text(keyId, "key id", 40);
    this.sealedPayload = Require.text(sealedPayload, "payload", 20000);
    this.withdrawalHash = Require.text(withdrawalHash, "withdrawal hash", 64);
    this.status = RequestStatus.NEW;
  }

  public void changeStatus(RequestStatus newStatus) {
    this.status = Require.present(newStatus, "status");
  }

  /** The site team changed the status at {@code when}. */
  public void changeStatus(RequestStatus newStatus, Instant when) {
    changeStatus(newStatus);
    this.statusChangedAt = Require.present(when, "time of the change");
  }

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String reference() {
    return reference;
  }

  public String submissionKey() {
    return submissionKey;
  }

  public NctNumber nctId() {
    return nctId;
  }

  public Long siteId() {
    return siteId;
  }

  public RequestKind kind() {
    return kind;
  }

  public RequestStatus status() {
    return status;
  }

  public String verdict() {
    return verdict;
  }

  public String consentVersion() {
    return consentVersion;
  }

  public Instant consentedAt() {
    return consentedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant statusChangedAt() {
    return statusChangedAt;
  }

  public String keyId() {
    return keyId;
  }

  public String sealedPayload() {
    return sealedPayload;
  }

  public String withdrawalHash() {
    return withdrawalHash;
  }
}
