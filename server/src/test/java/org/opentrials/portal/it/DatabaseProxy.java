package org.opentrials.portal.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between the server and its PostgreSQL, which a test can cut (every
 * connection closed, new ones refused: as a database that stops or a network that fails) and
 * restore, limit (connections beyond a number closed at once: a database that admits no more), and
 * slow down. The machine's PostgreSQL itself is never stopped: other users share it.
 */
final class DatabaseProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pairs = new AtomicInteger();
  private volatile ServerSocket listener;
  private volatile int maxConnections = Integer.MAX_VALUE;
  private volatile long delayMillis;

  DatabaseProxy(String host, int targetPort) {
    this.target = new InetSocketAddress(host, targetPort);
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    restore();
  }

  int port() {
    return port;
  }

  /** Closes every connection and stops listening: new connections are refused. */
  synchronized void cut() {
    closeQuietly(listener);
    listener = null;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  /** Listens again on the same port, with no limit and no delay. */
  synchronized void restore() {
    maxConnections = Integer.MAX_VALUE;
    delayMillis = 0;
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      listener = socket;
      Thread accept = new Thread(() -> accept(socket), "db-proxy-accept-" + port);
      accept.setDaemon(true);
      accept.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connections open through the proxy now (server side to PostgreSQL). */
  int connections() {
    return pairs.get();
  }

  /** New connections beyond {@code max} open ones are closed as soon as they arrive. */
  void limitConnections(int max) {
    maxConnections = max;
  }

  /** Every answer from the database waits this long before it is passed on. */
  void delayAnswers(Duration delay) {
    delayMillis = delay.toMillis();
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return; // cut
      }
      if (pairs.get() >= maxConnections) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket();
        server.connect(target, 5000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        pairs.incrementAndGet();
        AtomicInteger ends = new AtomicInteger();
        Runnable done =
            () -> {
              closeQuietly(client);
              closeQuietly(server);
              open.remove(client);
              open.remove(server);
              if (ends.incrementAndGet() == 2) {
                pairs.decrementAndGet();
              }
            };
        pump(client, server, false, done);
        pump(server, client, true, done);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean answers, Runnable done) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  long delay = delayMillis;
                  if (answers && delay > 0) {
                    Thread.sleep(delay);
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // closed by either side or cut
              } finally {
                done.run();
              }
            },
            "db-proxy-" + port);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
