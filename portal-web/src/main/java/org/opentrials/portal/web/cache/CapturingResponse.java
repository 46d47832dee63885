package org.opentrials.portal.web.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds a page's bytes while it renders, so that the page cache can keep them: a successful HTML
 * page that sets no cookie and does not forbid storing. Anything else is passed on unchanged by
 * {@link #release()}. An error ({@code sendError}) goes straight to the real response.
 */
final class CapturingResponse extends HttpServletResponseWrapper {
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
  private ServletOutputStream stream;
  private PrintWriter writer;
  private int status = SC_OK;
  private boolean errorSent;
  private boolean cookieSet;
  private boolean noStore;

  CapturingResponse(HttpServletResponse response) {
    super(response);
  }

  boolean cacheable() {
    flushWriter();
    String type = getContentType();
    return status == SC_OK
        && !errorSent
        && !cookieSet
        && !noStore
        && type != null
        && type.startsWith("text/html")
        && buffer.size() > 0
        && buffer.size() <= MAX_BODY;
  }

  byte[] body() {
    flushWriter();
    return buffer.toByteArray();
  }

  /** Sends what was captured as it is (a page the cache does not keep). */
  void release() throws IOException {
    if (errorSent) {
      return;
    }
    flushWriter();
    if (buffer.size() > 0) {
      getResponse().getOutputStream().write(buffer.toByteArray());
    }
  }

  private void flushWriter() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              buffer.write(b, off, len);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException("a captured page is written synchronously");
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset), false);
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    flushWriter();
  }

  @Override
  public boolean isCommitted() {
    return errorSent || super.isCommitted();
  }

  @Override
  public void resetBuffer() {
    buffer.reset();
  }

  @Override
  public void reset() {
    buffer.reset();
    super.reset();
  }

  @Override
  public void setContentLength(int len) {}

  @Override
  public void setContentLengthLong(long len) {}

  @Override
  public void setStatus(int sc) {
    status = sc;
    super.setStatus(sc);
  }

  @Override
  public void sendError(int sc) throws IOException {
    status = sc;
    errorSent = true;
    super.sendError(sc);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    status = sc;
    errorSent = true;
    super.sendError(sc, msg);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    status = SC_FOUND;
    errorSent = true;
    super.sendRedirect(location);
  }

  @Override
  public void addCookie(jakarta.servlet.http.Cookie cookie) {
    cookieSet = true;
    super.addCookie(cookie);
  }

  @Override
  public void setHeader(String name, String value) {
    note(name, value);
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    note(name, value);
    super.addHeader(name, value);
  }

  private void note(String name, String value) {
    if ("Set-Cookie".equalsIgnoreCase(name)) {
      cookieSet = true;
    } else if ("Cache-Control".equalsIgnoreCase(name)
        && value != null
        && (value.contains("no-store") || value.contains("private"))) {
      noStore = true;
    }
  }
}
