package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * How pages and files travel: compressed when the browser accepts it, style sheets under URLs that
 * change with their content (cached for a year), public pages revalidated with an ETag.
 */
class PageDeliveryIT extends PortalIT {
  private static final Pattern STYLESHEET =
      Pattern.compile("href=\"([^\"]*portal\\.css[^\"]*[?&]v=([0-9a-f]{12}))\"");

  @Test
  void theStyleSheetIsVersionedByItsContentAndCachedForAYear() {
    Matcher link = STYLESHEET.matcher(get("/trials/NCT02633163").body());
    assertThat(link.find()).as("a versioned stylesheet link").isTrue();
    String url = link.group(1).replace("&amp;", "&");

    HttpResponse<String> css = get(url);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains("{");
    assertThat(css.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");

    // A page cached before the file changed asks for an old version: it must revalidate.
    HttpResponse<String> old = get(url.replace(link.group(2), "000000000000"));
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(old.headers().firstValue("Cache-Control")).contains("no-cache");
  }

  @Test
  void pagesAndStyleSheetsAreCompressedForBrowsersThatAcceptGzip() {
    HttpResponse<byte[]> page = gzipGet("/trials/NCT02633163");
    assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gunzip(page.body())).contains("MiSLE");
    // The second answer comes from the page cache: compressed once, not twice.
    HttpResponse<byte[]> cached = gzipGet("/trials/NCT02633163");
    assertThat(cached.headers().firstValue("ETag")).isPresent();
    assertThat(gunzip(cached.body())).startsWith("<!DOCTYPE html>").contains("MiSLE");

    HttpResponse<String> plain = get("/trials/NCT02633163");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(page.body().length).isLessThan(plain.body().length() / 2);

    Matcher link = STYLESHEET.matcher(plain.body());
    assertThat(link.find()).isTrue();
    HttpResponse<byte[]> css = gzipGet(link.group(1).replace("&amp;", "&"));
    assertThat(css.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gunzip(css.body())).contains("{");
  }

  @Test
  void aPublicPageIsRevalidatedByItsEtagAndEachLanguageIsItsOwnPage() {
    HttpResponse<String> first = get("/trials/NCT02633163");
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/trials/NCT02633163"))
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    HttpResponse<String> spanish =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/trials/NCT02633163"))
                .header("Accept-Language", "es")
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(spanish.statusCode()).isEqualTo(200);
    assertThat(spanish.body()).contains("lang=\"es\"");
    assertThat(spanish.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
  }

  @Test
  void thePreScreenerIsNeverKept() {
    HttpResponse<String> check = get("/trials/NCT02633163/check");
    assertThat(check.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(check.headers().firstValue("ETag")).isEmpty();
  }

  private static HttpResponse<byte[]> gzipGet(String path) {
    try {
      return http.send(
          // HTTP/1.1 as browsers speak it without TLS (Java's client would otherwise try h2c).
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .version(HttpClient.Version.HTTP_1_1)
              .header("Accept-Encoding", "gzip")
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String gunzip(byte[] body) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
