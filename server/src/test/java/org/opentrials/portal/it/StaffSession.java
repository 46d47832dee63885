package org.opentrials.portal.it;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's HTTP conversation with the administration: cookies kept, forms posted as a
 * browser would.
 */
public final class StaffSession {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public StaffSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  /** Posts a Faces form of the page at {@code path}, with the view state the page carries. */
  public HttpResponse<String> submit(
      String path, String formId, Map<String, String> fields, String button) {
    String page = get(path).body();
    Matcher m = VIEW_STATE.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no Faces form on " + path);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put(formId, formId);
    fields.forEach((k, v) -> form.put(formId + ":" + k, v));
    form.put(formId + ":" + button, button);
    form.put("jakarta.faces.ViewState", m.group(1));
    return post(path, form);
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    return post(path, form, Map.of());
  }

  /** Posts a form with extra request headers (Origin, for example). */
  public HttpResponse<String> post(
      String path, Map<String, String> form, Map<String, String> headers) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Signs in through the real form; returns the answer to the form post. */
  public HttpResponse<String> signIn(String username, String password) {
    return submit(
        "/admin/login.xhtml",
        "login",
        Map.of("username", username, "password", password),
        "submit");
  }

  /** Reads a Faces form from the page at {@code path} (GET), to be posted now or later. */
  public FacesForm form(String path, String formId) {
    HttpResponse<String> page = get(path);
    if (page.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + page.statusCode());
    }
    return FacesForm.read(page.body(), formId);
  }

  /** Posts a form read earlier, with some fields changed, as if {@code button} was pressed. */
  public HttpResponse<String> submit(FacesForm form, Map<String, String> changes, String button) {
    String target =
        form.action().startsWith(baseUrl)
            ? form.action().substring(baseUrl.length())
            : form.action();
    return post(target, form.submission(changes, button));
  }

  /** Signs out through the layout's sign-out button on the page at {@code path}. */
  public HttpResponse<String> signOut(String path) {
    return submit(form(path, "signout"), Map.of(), "signOut");
  }

  public String sessionCookie() {
    return cookies.getCookieStore().get(URI.create(baseUrl + "/admin/")).stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
