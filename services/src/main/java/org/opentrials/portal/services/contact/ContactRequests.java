package org.opentrials.portal.services.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.opentrials.portal.domain.contact.ContactRequest;
import org.opentrials.portal.domain.contact.ContactRequestRepository;
import org.opentrials.portal.domain.contact.RequestKind;
import org.opentrials.portal.domain.shared.DomainException;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialRepository;

/**
 * Use case: a visitor asks a site to contact them, or to keep them on its waitlist. Stored only
 * with explicit consent, sealed with a key outside the database, acknowledged only once committed
 * (this method returns after the commit), and a repeated submission of the same form finds the
 * request it already made instead of creating a second one.
 */
@ApplicationScoped
public class ContactRequests {
  /** The version of the consent text the visitor agrees to; stored with every request. */
  public static final String CONSENT_VERSION = "2026-11-v1";

  private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What the visitor sends. {@code answers} are the pre-screener's fields (question id -> value).
   */
  public record Submission(
      String submissionKey,
      NctNumber nct,
      String siteSlug,
      ContactDetails details,
      boolean consent,
      Map<String, String> answers,
      String verdict) {}

  /**
   * What the visitor is told. The withdrawal secret is known only at creation: it goes into the
   * link the visitor keeps, and only its hash is stored.
   */
  public record Receipt(
      String reference,
      String withdrawalSecret,
      RequestKind kind,
      String siteName,
      boolean repeated)
      implements java.io.Serializable {}

  /** The visitor did not give the separate consent to store their details. */
  public static class ConsentMissing extends DomainException {
    private static final long serialVersionUID = 1L;

    public ConsentMissing() {
      super("consent to store the request is required");
    }
  }

  /** The details cannot be stored as they are; the map names each field's problem. */
  public static class InvalidDetails extends DomainException {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> problems;

    public InvalidDetails(Map<String, String> problems) {
      super("invalid contact details: " + problems.keySet());
      this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
      return problems;
    }
  }

  /** The site does not exist or does not take requests. */
  public static class SiteNotAvailable extends DomainException {
    private static final long serialVersionUID = 1L;

    public SiteNotAvailable() {
      super("this site does not take contact requests");
    }
  }

  private ContactRequestRepository requests;
  private TrialRepository trials;
  private SiteRepository sites;
  private PayloadCipher cipher;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected ContactRequests() {}

  @Inject
  public ContactRequests(
      ContactRequestRepository requests,
      TrialRepository trials,
      SiteRepository sites,
      PayloadCipher cipher,
      Clock clock) {
    this.requests = requests;
    this.trials = trials;
    this.sites = sites;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Transactional
  public Receipt submit(Submission s) {
    if (!s.consent()) {
      throw new ConsentMissing();
    }
    Map<String, String> problems = s.details().problems();
    if (!problems.isEmpty()) {
      throw new InvalidDetails(problems);
    }
    Trial trial = trials.findPublishedByNct(s.nct()).orElseThrow(SiteNotAvailable::new);
    Site site =
        sites
            .findBySlug(s.nct(), s.siteSlug())
            .filter(x -> x.status() != null && x.status().takesParticipants())
            .orElseThrow(SiteNotAvailable::new);
    Optional<ContactRequest> earlier = requests.findBySubmissionKey(s.submissionKey());
    if (earlier.isPresent()) {
      ContactRequest r = earlier.get();
      return new Receipt(r.reference(), null, r.kind(), site.displayName(), true);
    }
    RequestKind kind =
        site.placesLeft() != null
                && site.placesLeft() == 0
                && Boolean.TRUE.equals(trial.waitlistAvailable())
            ? RequestKind.WAITLIST
            : RequestKind.CONTACT;
    String secret = randomToken(24);
    ContactRequest request =
        new ContactRequest(
            newReference(),
            s.submissionKey(),
            s.nct(),
            site.id(),
            kind,
            s.verdict(),
            CONSENT_VERSION,
            clock.instant(),
            cipher.currentKeyId(),
            cipher.seal(payload(s)),
            sha256(secret));
    requests.add(request);
    return new Receipt(request.reference(), secret, kind, site.displayName(), false);
  }

  /** Erases the request if the secret from the visitor's link matches; false otherwise. */
  @Transactional
  public boolean withdraw(String reference, String secret) {
    if (reference == null || secret == null || secret.length() > 100) {
      return false;
    }
    Optional<ContactRequest> found =
        requests.findByReference(reference.strip().toUpperCase(java.util.Locale.ROOT));
    if (found.isEmpty()) {
      sha256(secret);
      return false;
    }
    boolean matches =
        MessageDigest.isEqual(
            found.get().withdrawalHash().getBytes(StandardCharsets.US_ASCII),
            sha256(secret).getBytes(StandardCharsets.US_ASCII));
    if (matches) {
      requests.erase(found.get());
    }
    return matches;
  }

  /**
   * The sealed details of a request, opened: only for {@link SiteRequestsService}, after it has
   * authorized the caller.
   */
  String open(ContactRequest request) {
    return cipher.open(request.keyId(), request.sealedPayload());
  }

  private static String payload(Submission s) {
    JsonObjectBuilder answers = Json.createObjectBuilder();
    s.answers().forEach(answers::add);
    ContactDetails d = s.details();
    return Json.createObjectBuilder()
        .add("name", d.name().strip())
        .add("phone", d.phone() == null ? "" : d.phone().strip())
        .add("email", d.email() == null ? "" : d.email().strip())
        .add("preferredTime", d.preferredTime())
        .add("answers", answers)
        .build()
        .toString();
  }

  private static String newReference() {
    char[] out = new char[10];
    for (int i = 0; i < out.length; i++) {
      out[i] = REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)];
    }
    return new String(out);
  }

  /** A random URL-safe token of {@code bytes} bytes of entropy. */
  public static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
