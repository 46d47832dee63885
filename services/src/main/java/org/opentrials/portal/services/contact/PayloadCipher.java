package org.opentrials.portal.services.contact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal data at rest. Each payload gets a fresh 96-bit nonce; the key id is
 * bound into the ciphertext as associated data, so a payload cannot be passed off under another
 * key. Old keys stay available for reading, which is how keys are rotated.
 */
public final class PayloadCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;

  public PayloadCipher(String currentKeyId, Map<String, SecretKey> keys) {
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("no key for the current key id " + currentKeyId);
    }
    this.currentKeyId = currentKeyId;
    this.keys = Map.copyOf(keys);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  /** Seals text with the current key: base64 of nonce followed by ciphertext and tag. */
  public String seal(String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt", e);
    }
  }

  /** Opens a payload sealed under {@code keyId}; fails if it was altered or the key is unknown. */
  public String open(String keyId, String sealedBase64) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("no key with id " + keyId + " is configured");
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealedBase64);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decrypt payload under key " + keyId, e);
    }
  }
}
