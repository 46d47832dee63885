package org.opentrials.portal.services.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's public address (config key {@code trials.public.base-url}), from which every
 * absolute URL the portal writes is made: canonical links, structured data, the API's pageUrl, the
 * sitemap. Never the request's Host header, which a client chooses (finding F8: a cache could be
 * poisoned with links to another host).
 */
@ApplicationScoped
@Named("publicAddress")
public class PublicAddress {
  private String base;

  protected PublicAddress() {}

  @Inject
  public PublicAddress(
      @ConfigProperty(name = "trials.public.base-url", defaultValue = "http://localhost:8080")
          String configured) {
    this.base = normalise(configured);
  }

  /** The base without a trailing slash, e.g. {@code https://trials.example.org}. */
  public String base() {
    return base;
  }

  /** An absolute URL of a path of the public portal ("/trials/NCT02633163"). */
  public String of(String path) {
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  static String normalise(String configured) {
    URI uri = URI.create(configured.strip());
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "trials.public.base-url must be an http(s) URL without query: " + configured);
    }
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
