package org.opentrials.portal.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a staff request came from, as sign-in throttling and the audit trail record it: the
 * connection's, unless the connection comes from a front named in {@code
 * trials.http.trusted-proxies} (comma-separated addresses, e.g. {@code 127.0.0.1} for the nginx
 * front of README "Several instances"). Then it is the address that front saw: the rightmost entry
 * of X-Forwarded-For that is not itself a trusted front (entries to its left were written by the
 * client and prove nothing). Without the setting, X-Forwarded-For is ignored.
 */
@ApplicationScoped
public class ClientAddress {
  private final Set<String> trustedProxies;

  @Inject
  public ClientAddress(
      @ConfigProperty(name = "trials.http.trusted-proxies") Optional<String> trustedProxies) {
    this.trustedProxies = trustedProxies.map(ClientAddress::split).orElse(Set.of());
  }

  /** For the container's proxies. */
  protected ClientAddress() {
    this(Optional.empty());
  }

  public String of(HttpServletRequest request) {
    return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
  }

  static String resolve(String remote, String forwardedFor, Set<String> trusted) {
    if (remote == null || !trusted.contains(remote) || forwardedFor == null) {
      return remote;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (hop.isEmpty() || hop.length() > 64) {
        return remote;
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }

  private static Set<String> split(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
