package org.opentrials.portal.services.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opentrials.portal.domain.staff.StaffRepository;
import org.opentrials.portal.services.audit.AuditTrail;

/**
 * Creates the first administrator at start from configuration, when the database has no
 * administrator yet: {@code trials.admin.username} with the password read from the file named by
 * {@code trials.admin.password-file} (preferred: a secret mounted by the platform) or from {@code
 * trials.admin.password} (set only as the environment variable TRIALS_ADMIN_PASSWORD, never in a
 * file of the repository). Runs after the demo content, which creates its own administrator in demo
 * mode. Once an administrator exists the settings are ignored and can be removed.
 */
@Singleton
@Startup
@DependsOn({"TrialsDatabase", "DemoContent"})
public class FirstAdministratorAtStart {
  private static final Logger LOG = Logger.getLogger(FirstAdministratorAtStart.class.getName());

  private Optional<String> username;

  private Optional<String> passwordFile;

  private Optional<String> password;

  private StaffRepository staff;
  private AuditTrail audit;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  public FirstAdministratorAtStart() {}

  @Inject
  public FirstAdministratorAtStart(
      @ConfigProperty(name = "trials.admin.username") Optional<String> username,
      @ConfigProperty(name = "trials.admin.password-file") Optional<String> passwordFile,
      @ConfigProperty(name = "trials.admin.password") Optional<String> password,
      StaffRepository staff,
      AuditTrail audit,
      Clock clock) {
    this.username = username;
    this.passwordFile = passwordFile;
    this.password = password;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  @PostConstruct
  void createIfConfigured() {
    if (username.isEmpty() || username.get().isBlank()) {
      return;
    }
    char[] secret = configuredPassword();
    if (secret == null) {
      LOG.warning(
          "trials.admin.username is set, but neither trials.admin.password-file nor "
              + "TRIALS_ADMIN_PASSWORD: no administrator created");
      return;
    }
    try {
      var outcome =
          FirstAdministrator.createIfNone(
              staff, audit::record, clock, username.get(), secret, "configuration");
      if (outcome == FirstAdministrator.Outcome.CREATED) {
        LOG.info(
            () ->
                "First administrator "
                    + username.get().strip()
                    + " created from configuration; "
                    + "the password settings are no longer needed");
      }
    } catch (InvalidAccountChange e) {
      // Logged without the password; the server still starts, without the account.
      LOG.severe(() -> "First administrator not created: " + e.getMessage());
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private char[] configuredPassword() {
    if (passwordFile.isPresent() && !passwordFile.get().isBlank()) {
      Path file = Path.of(passwordFile.get());
      try {
        warnIfOthersMayRead(file);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        return content.strip().toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read trials.admin.password-file " + file, e);
      }
    }
    return password.filter(p -> !p.isEmpty()).map(String::toCharArray).orElse(null);
  }

  private static void warnIfOthersMayRead(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_READ)) {
        LOG.warning(
            () ->
                "trials.admin.password-file " + file + " is readable by other users; chmod 600 it");
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
