package org.opentrials.portal.services.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The keys that seal contact details, kept outside the database. Production sets {@code
 * trials.contact.keys} ("id:base64key,id2:base64key", 32-byte keys) and {@code
 * trials.contact.current-key}, e.g. from a secret store through environment variables. Without them
 * (a local or demo run) a key is generated once into {@code ${trials.data.dir}/keys/}, readable by
 * the server's user only, beside but never inside the database.
 */
@ApplicationScoped
public class ContactKeys {
  private static final Logger LOG = Logger.getLogger(ContactKeys.class.getName());

  private volatile PayloadCipher cipher;

  /** One cipher for the application (this bean is application-scoped); the keys are read once. */
  @Produces
  PayloadCipher cipher() {
    if (cipher == null) {
      synchronized (this) {
        if (cipher == null) {
          cipher = load();
        }
      }
    }
    return cipher;
  }

  private static PayloadCipher load() {
    Config config = ConfigProvider.getConfig();
    Optional<String> configured = config.getOptionalValue("trials.contact.keys", String.class);
    if (configured.isPresent()) {
      Map<String, SecretKey> keys = parse(configured.get());
      String current =
          config
              .getOptionalValue("trials.contact.current-key", String.class)
              .orElse(keys.keySet().iterator().next());
      return new PayloadCipher(current, keys);
    }
    Path dir =
        Path.of(config.getOptionalValue("trials.data.dir", String.class).orElse("./data"), "keys");
    return new PayloadCipher(
        "local-1", Map.of("local-1", localKey(dir.resolve("contact-local-1.key"))));
  }

  static Map<String, SecretKey> parse(String spec) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("trials.contact.keys entries are id:base64key");
      }
      byte[] key = Base64.getDecoder().decode(parts[1].strip());
      if (key.length != 32) {
        throw new IllegalArgumentException(
            "contact key " + parts[0] + " must be 32 bytes (AES-256)");
      }
      keys.put(parts[0].strip(), new SecretKeySpec(key, "AES"));
    }
    return keys;
  }

  private static SecretKey localKey(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the directory's own protection applies
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
        try {
          // A hard link is created atomically or not at all: if both applications race here,
          // exactly one key wins and both read that one below.
          Files.createLink(file, tmp);
          LOG.info(
              () ->
                  "Generated a local key for contact details at "
                      + file.toAbsolutePath()
                      + "; set trials.contact.keys in production");
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // the other application was first
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      return new SecretKeySpec(key, "AES");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the contact key " + file, e);
    }
  }
}
