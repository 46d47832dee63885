package org.opentrials.portal.services.contact;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.persistence.JpaContactRequestRepository;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/** What the contact-request tests share: the demo trial in a fresh database, a key, the service. */
final class ContactFixtures {
  private ContactFixtures() {}

  /** A fresh database holding the demo trial and its sites. */
  static TestDatabase demoDatabase() {
    TestDatabase db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(MisleDemoTrial.trial());
          MisleDemoTrial.sites().forEach(new JpaSiteRepository(em)::add);
        });
    return db;
  }

  /** A test key, told apart by its first byte. */
  static PayloadCipher cipher(int firstByte) {
    byte[] key = new byte[32];
    key[0] = (byte) firstByte;
    return new PayloadCipher("test-1", Map.of("test-1", new SecretKeySpec(key, "AES")));
  }

  /** The contact-request use case on this entity manager. */
  static ContactRequests service(EntityManager em, PayloadCipher cipher, Clock clock) {
    return new ContactRequests(
        new JpaContactRequestRepository(em),
        new JpaTrialRepository(em),
        new JpaSiteRepository(em),
        cipher,
        clock);
  }
}
