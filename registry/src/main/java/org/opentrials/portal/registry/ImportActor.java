package org.opentrials.portal.registry;

import java.util.Objects;

/**
 * Who an import's audit entries name: the staff member who uploaded the file, or the system for the
 * demo content and the command line.
 *
 * @param username the account's username, or a placeholder in brackets
 * @param role the role they acted in (a staff role's name, or SYSTEM)
 * @param via how the studies came in, for the entries' reason, e.g. "upload"
 */
public record ImportActor(String username, String role, String via) {
  /** The import itself, as the demo content and the command line run it. */
  public static ImportActor system(String via) {
    return new ImportActor("(import)", "SYSTEM", via);
  }

  public ImportActor {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(via, "via");
  }
}
