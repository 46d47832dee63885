package org.opentrials.portal.websupport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Payara 6 writes the session cookie's SameSite attribute twice ({@code SameSite=strict;
 * SameSite=Strict}) when payara-web.xml sets it (Payara issue 7254, open), and not at all
 * otherwise; the Servlet 6 way ({@code SessionCookieConfig.setAttribute}, web.xml) is ignored. The
 * first comes with the session cookie's header as the container adds it; the second is appended
 * from payara-web.xml's {@code cookieSameSite} when the headers are written. So this wrapper takes
 * the first one out of the session cookie's header before the response is committed: at the start
 * of the filter (a cookie the sign-in wrote), before every write, flush, redirect or error, and
 * after the chain. The attribute then appears once, with payara-web.xml's value (ServerDefaultsIT
 * checks it exactly once).
 */
final class OneSameSite extends HttpServletResponseWrapper {
  private static final Pattern SAME_SITE = Pattern.compile("(?i)\\s*;\\s*SameSite=[^;]*");

  private PrintWriter writer;
  private ServletOutputStream stream;

  OneSameSite(HttpServletResponse response) {
    super(response);
  }

  /** Takes SameSite out of the session cookie's header until the response is committed. */
  static void fix(HttpServletResponse response) {
    if (response.isCommitted() || !response.containsHeader("Set-Cookie")) {
      return;
    }
    List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
    List<String> fixed = cookies.stream().map(OneSameSite::withoutSameSite).toList();
    if (fixed.equals(cookies)) {
      return;
    }
    response.setHeader("Set-Cookie", fixed.get(0));
    for (String cookie : fixed.subList(1, fixed.size())) {
      response.addHeader("Set-Cookie", cookie);
    }
  }

  /** "JSESSIONID=x; Path=/; HttpOnly; SameSite=strict" becomes "JSESSIONID=x; Path=/; HttpOnly". */
  static String withoutSameSite(String cookie) {
    if (!cookie.startsWith("JSESSIONID=")) {
      return cookie;
    }
    return SAME_SITE.matcher(cookie).replaceAll("");
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    fix(this);
    super.sendRedirect(location);
    fix(this);
  }

  @Override
  public void sendError(int sc) throws IOException {
    fix(this);
    super.sendError(sc);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    fix(this);
    super.sendError(sc, msg);
  }

  @Override
  public void flushBuffer() throws IOException {
    fix(this);
    super.flushBuffer();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      PrintWriter inner = super.getWriter();
      writer =
          new PrintWriter(
              new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                  fix(OneSameSite.this);
                  inner.write(cbuf, off, len);
                }

                @Override
                public void write(String s, int off, int len) {
                  fix(OneSameSite.this);
                  inner.write(s, off, len);
                }

                @Override
                public void flush() {
                  fix(OneSameSite.this);
                  inner.flush();
                }

                @Override
                public void close() {
                  fix(OneSameSite.this);
                  inner.close();
                }
              });
    }
    return writer;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      ServletOutputStream inner = super.getOutputStream();
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
              fix(OneSameSite.this);
              inner.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              fix(OneSameSite.this);
              inner.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              fix(OneSameSite.this);
              inner.flush();
            }

            @Override
            public void close() throws IOException {
              fix(OneSameSite.this);
              inner.close();
            }

            @Override
            public boolean isReady() {
              return inner.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              inner.setWriteListener(listener);
            }
          };
    }
    return stream;
  }
}
