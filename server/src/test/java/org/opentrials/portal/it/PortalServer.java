package org.opentrials.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assembled server (Payara Micro unpacked in target/server/root with its class-data-sharing
 * archive, ROOT.war and admin.war, exactly as the run command starts it) started once for the whole
 * integration-test run, on free ports, with demo content, on a fresh embedded database or on the
 * PostgreSQL named by it.db.url. Every integration test talks to this one server over HTTP, so the
 * suite pays for one boot instead of one per class.
 */
public final class PortalServer {
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern DEMO_ACCOUNT =
      Pattern.compile(
          "^\\s+(\\S+)\\s+(ADMINISTRATOR|SPONSOR_STAFF|INVESTIGATOR)\\s+password: (\\S+)$");
  private static PortalServer instance;

  private static final Path SERVER_DIR =
      Path.of(System.getProperty("it.server.dir", "target/server"));
  private final Path serverDir = SERVER_DIR;
  private final Path workDir;
  private final Database db;
  private final List<String> gridOptions;
  private final Map<String, String> settings;
  private final int httpPort = freePort();
  private final Map<String, String> demoPasswords = new HashMap<>();
  private final DatabaseProxy databaseProxy;
  private Process process;
  private int starts;
  private Duration lastBoot;

  private PortalServer() {
    this(
        Path.of(System.getProperty("it.work.dir", "target/it")),
        new Database(
            System.getProperty("it.db.url", ""),
            System.getProperty("it.db.user"),
            System.getProperty("it.db.password")),
        List.of("--nocluster", "--prebootcommandfile", preBootCommands("pre-boot-commands")),
        Map.of(),
        true);
  }

  private PortalServer(
      Path workDir, Database db, List<String> gridOptions, Map<String, String> settings) {
    this(workDir, db, gridOptions, settings, false);
  }

  /**
   * {@code throughProxy}: on PostgreSQL, the server reaches the database through a {@link
   * DatabaseProxy} that FaultsIT cuts and restores (the shared instance only).
   */
  private PortalServer(
      Path workDir,
      Database db,
      List<String> gridOptions,
      Map<String, String> settings,
      boolean throughProxy) {
    this.workDir = workDir;
    this.db = db;
    this.gridOptions = gridOptions;
    this.settings = settings;
    Matcher postgres = POSTGRES_URL.matcher(db.url());
    this.databaseProxy =
        throughProxy && postgres.matches()
            ? new DatabaseProxy(
                postgres.group(1),
                postgres.group(2) == null ? 5432 : Integer.parseInt(postgres.group(2)))
            : null;
  }

  private static final Pattern POSTGRES_URL =
      Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/(.*)");

  /** The proxy between this server and PostgreSQL; empty on H2 or for other instances. */
  public java.util.Optional<DatabaseProxy> databaseProxy() {
    return java.util.Optional.ofNullable(databaseProxy);
  }

  /** The JDBC URL the server is given: the database's, or the proxy's in front of it. */
  private String serverDatabaseUrl() {
    if (databaseProxy == null) {
      return db.url();
    }
    Matcher m = POSTGRES_URL.matcher(db.url());
    m.matches();
    return "jdbc:postgresql://127.0.0.1:" + databaseProxy.port() + "/" + m.group(3);
  }

  /**
   * One instance of several over the PostgreSQL {@code db}, with the data grid on (the cluster
   * pre-boot commands, {@code gridOptions} naming the cluster, interface and members, as README
   * "Several instances" says) and extra {@code settings} (environment variables); not started yet.
   * Its files go to {@code workDir}. Demo content is loaded by whichever starts first.
   */
  public static PortalServer clusterMember(
      Path workDir, Database db, List<String> gridOptions, Map<String, String> settings) {
    List<String> options = new ArrayList<>(gridOptions);
    options.addAll(List.of("--prebootcommandfile", preBootCommands("cluster/pre-boot-commands")));
    PortalServer server = new PortalServer(workDir, db, List.copyOf(options), settings);
    try {
      Files.createDirectories(workDir.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /** A database the server uses: JDBC URL (blank: the embedded H2 file), user, password. */
  public record Database(String url, String user, String password) {}

  private static String preBootCommands(String name) {
    return SERVER_DIR.resolve(name + ".asadmin").toString();
  }

  /** The running server, started on first use. */
  public static synchronized PortalServer get() {
    if (instance == null) {
      instance = new PortalServer();
      // Registered before the start, so that a server whose start fails is stopped too.
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
      instance.prepareFreshDatabase();
      instance.start();
    }
    return instance;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Where the embedded H2 files live (unused on PostgreSQL). */
  public Path dataDir() {
    return workDir.resolve("data");
  }

  public int httpPort() {
    return httpPort;
  }

  /** The server's process id, e.g. to list what it listens on. */
  public long pid() {
    return process.pid();
  }

  public boolean onPostgres() {
    return !db.url().isBlank();
  }

  /** The database the server uses (its URL is blank on the embedded H2 file). */
  public Database database() {
    return db;
  }

  /** The password printed for a demo account at first start. */
  public String demoPassword(String username) {
    String password = demoPasswords.get(username);
    if (password == null) {
      throw new IllegalStateException("no demo password was printed for " + username);
    }
    return password;
  }

  public Path logFile() {
    return workDir.resolve("server-" + starts + ".log");
  }

  public Duration lastBoot() {
    return lastBoot;
  }

  /**
   * Kills the server with SIGKILL (no shutdown of any kind: as a power cut or the OOM killer would)
   * and starts it again on the same database.
   */
  public synchronized void crashAndRestart() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly(); // SIGKILL on Linux
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    start();
  }

  /** Stops the server and starts it again on the same database. */
  public synchronized void restart() {
    stop();
    start();
  }

  private void prepareFreshDatabase() {
    try {
      if (Files.exists(workDir)) {
        try (var paths = Files.walk(workDir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(workDir.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (onPostgres()) {
      try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
        c.createStatement().execute("DROP SCHEMA IF EXISTS public CASCADE");
        c.createStatement().execute("CREATE SCHEMA public");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot reset the PostgreSQL test database " + db.url(), e);
      }
    }
  }

  /** Starts the server and waits until both applications answer. */
  public void start() {
    starts++;
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + serverDir.resolve("root/payara.jsa").toAbsolutePath(),
                "-XX:TieredStopAtLevel=1",
                "-Dproduct.name=Payara Micro",
                "-Xmx768m",
                "-Djava.io.tmpdir=" + workDir.resolve("tmp").toAbsolutePath(),
                // With a data grid: it listens on the --interfaces address only (README).
                "-Dhazelcast.socket.bind.any=false",
                "-jar",
                serverDir.resolve("root/launch-micro.jar").toString(),
                "--rootdir",
                serverDir.resolve("root").toString(),
                "--disablephonehome",
                "--port",
                Integer.toString(httpPort),
                "--maxHttpThreads",
                "16",
                "--minHttpThreads",
                "8",
                "--postbootcommandfile",
                serverDir.resolve("post-boot-commands.asadmin").toString()));
    command.addAll(command.indexOf("--postbootcommandfile"), gridOptions);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile().toFile());
    Map<String, String> env = builder.environment();
    env.put("TRIALS_DEMO", "true");
    env.put("TRIALS_HTTP_ADDRESS", "127.0.0.1");
    env.put("TRIALS_PUBLIC_BASE_URL", baseUrl());
    // Every test visitor comes from 127.0.0.1: room for the suite's contact requests.
    env.put("TRIALS_CONTACT_LIMIT_PER_ADDRESS", "50");
    env.put("TRIALS_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString());
    if (onPostgres()) {
      env.put("TRIALS_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
      env.put("TRIALS_DATASOURCE_URL", serverDatabaseUrl());
      env.put("TRIALS_DATASOURCE_USER", db.user());
      env.put("TRIALS_DATASOURCE_PASSWORD", db.password() == null ? "" : db.password());
    }
    env.putAll(settings);
    Instant begin = Instant.now();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      awaitReady(begin);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    lastBoot = Duration.between(begin, Instant.now());
    System.out.printf(
        "Portal server start %d ready at %s in %.1f s (%s)%n",
        starts, baseUrl(), lastBoot.toMillis() / 1000.0, onPostgres() ? "PostgreSQL" : "H2");
    readDemoPasswords();
  }

  private void awaitReady(Instant begin) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (Duration.between(begin, Instant.now()).compareTo(BOOT_TIMEOUT) < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited during start; see " + logFile());
      }
      try {
        String log = Files.readString(logFile());
        if (log.contains("Payara Micro URLs")) {
          HttpResponse<String> home =
              client.send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
          HttpResponse<String> admin =
              client.send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/login.xhtml")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (home.statusCode() == 200 && admin.statusCode() == 200) {
            return;
          }
          throw new IllegalStateException(
              "the server started, but / answered "
                  + home.statusCode()
                  + " and /admin/login.xhtml "
                  + admin.statusCode()
                  + "; see "
                  + logFile());
        }
        Thread.sleep(250);
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    stop();
    throw new IllegalStateException(
        "the server was not ready within " + BOOT_TIMEOUT + "; see " + logFile());
  }

  private void readDemoPasswords() {
    try {
      for (String line : Files.readAllLines(logFile())) {
        Matcher m = DEMO_ACCOUNT.matcher(line);
        if (m.matches()) {
          demoPasswords.put(m.group(1), m.group(3));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (SIGTERM, as an operator or a failing machine would; then SIGKILL). */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
