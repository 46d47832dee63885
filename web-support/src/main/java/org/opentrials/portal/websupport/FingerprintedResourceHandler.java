package org.opentrials.portal.websupport;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned URLs for the applications' own style sheets and scripts: every resource URL carries
 * {@code v=} and the first 12 hex digits of the SHA-256 of its bytes, so a changed file gets a new
 * URL and browsers may keep a file for a year without asking again ({@code immutable}). A request
 * whose {@code v} is not the current fingerprint (an old page in a cache) is answered with the
 * current bytes but without the long lifetime. Registered in each application's faces-config.xml.
 */
public class FingerprintedResourceHandler extends ResourceHandlerWrapper {
  static final String PARAMETER = "v";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

  public FingerprintedResourceHandler(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Resource createResource(String resourceName, String libraryName) {
    Resource resource = super.createResource(resourceName, libraryName);
    return resource == null ? null : new Fingerprinted(resource);
  }

  @Override
  public Resource createResource(String resourceName, String libraryName, String contentType) {
    Resource resource = super.createResource(resourceName, libraryName, contentType);
    return resource == null ? null : new Fingerprinted(resource);
  }

  @Override
  public void handleResourceRequest(FacesContext context) throws IOException {
    Map<String, String> parameters = context.getExternalContext().getRequestParameterMap();
    String requested = parameters.get(PARAMETER);
    String name = resourceName(context);
    if (requested != null && name != null) {
      Resource resource = getWrapped().createResource(name, parameters.get("ln"), null);
      boolean current = resource != null && requested.equals(fingerprint(resource));
      var response = (HttpServletResponse) context.getExternalContext().getResponse();
      response.setHeader("Cache-Control", current ? IMMUTABLE : "no-cache");
      // Mojarra sets its own lifetime (a week) afterwards; this one stands.
      context.getExternalContext().setResponse(new KeepCacheControl(response));
    }
    super.handleResourceRequest(context);
  }

  /** Ignores later attempts to set the response's lifetime. */
  private static final class KeepCacheControl extends HttpServletResponseWrapper {
    KeepCacheControl(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!isLifetime(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!isLifetime(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!isLifetime(name)) {
        super.setDateHeader(name, date);
      }
    }

    private static boolean isLifetime(String name) {
      return "Cache-Control".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name);
    }
  }

  private static String resourceName(FacesContext context) {
    String path = context.getExternalContext().getRequestPathInfo();
    if (path == null) {
      // Suffix mapping: /jakarta.faces.resource/css/portal.css.xhtml
      String servletPath = context.getExternalContext().getRequestServletPath();
      String prefix = ResourceHandler.RESOURCE_IDENTIFIER + "/";
      if (servletPath == null || !servletPath.startsWith(prefix)) {
        return null;
      }
      path = servletPath.substring(prefix.length());
      int suffix = path.lastIndexOf('.');
      return suffix > 0 ? path.substring(0, suffix) : null;
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private String fingerprint(Resource resource) {
    String key = resource.getLibraryName() + "/" + resource.getResourceName();
    return fingerprints.computeIfAbsent(key, k -> digest(resource));
  }

  private static String digest(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Fingerprinted extends ResourceWrapper {
    Fingerprinted(Resource wrapped) {
      super(wrapped);
    }

    @Override
    public String getRequestPath() {
      String path = super.getRequestPath();
      return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + fingerprint(getWrapped());
    }
  }
}
