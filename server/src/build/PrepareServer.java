import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build step of the server module (run by Maven in the package phase as a single-file Java
 * program, so it needs nothing but the JDK): makes the server start fast.
 *
 * <ol>
 *   <li>Unpacks Payara Micro once into a fixed root directory ({@code --rootdir ... --outputlauncher}),
 *       so that a start does not unpack 100 MB into a new temporary directory and every class has
 *       the same location at every start.
 *   <li>Starts the server once from there with both WARs, demo content and a throw-away database,
 *       requests the pages a visitor and a staff member open first, and stops it. The JVM writes
 *       the classes it loaded to a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}); a
 *       start with {@code -XX:SharedArchiveFile} maps them instead of finding, reading, parsing and
 *       verifying them again.
 * </ol>
 *
 * Arguments: the server directory (payara-micro.jar, ROOT.war, admin.war, the asadmin files). The
 * result is {@code root/launch-micro.jar} and {@code root/payara.jsa} in it. A JVM that cannot use
 * the archive (another JDK build, changed jars) warns and starts without it.
 */
public class PrepareServer {
  /** For each of: the start, the archive written while the JVM exits (minutes under heavy load). */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  public static void main(String[] args) throws Exception {
    Path serverDir = Path.of(args[0]).toAbsolutePath();
    Path root = serverDir.resolve("root");
    Path archive = root.resolve("payara.jsa");
    Path trainingDir = serverDir.resolve("training");
    deleteTree(root);
    deleteTree(trainingDir);
    Files.createDirectories(trainingDir.resolve("tmp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    run(new ProcessBuilder(java, "-jar", serverDir.resolve("payara-micro.jar").toString(),
        "--rootdir", root.toString(), "--outputlauncher"), trainingDir.resolve("unpack.log"), TIMEOUT);

    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java,
        "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error", "-XX:TieredStopAtLevel=1",
        "-Dproduct.name=Payara Micro", "-Xmx768m", "-Djava.io.tmpdir=" + trainingDir.resolve("tmp"),
        "-jar", root.resolve("launch-micro.jar").toString(), "--rootdir", root.toString(),
        "--nocluster", "--disablephonehome", "--port", Integer.toString(port),
        "--maxHttpThreads", "16", "--minHttpThreads", "8",
        "--prebootcommandfile", serverDir.resolve("pre-boot-commands.asadmin").toString(),
        "--postbootcommandfile", serverDir.resolve("post-boot-commands.asadmin").toString(),
        "--deploy", serverDir.resolve("ROOT.war").toString(),
        "--deploy", serverDir.resolve("admin.war").toString()));
    Path log = trainingDir.resolve("training.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TRIALS_DEMO", "true");
    builder.environment().put("TRIALS_HTTP_ADDRESS", "127.0.0.1");
    builder.environment().put("TRIALS_DATA_DIR", trainingDir.resolve("data").toString());
    // Never the operator's database: the training run uses its own throw-away H2 file.
    builder.environment().keySet().removeIf(k -> k.startsWith("TRIALS_DATASOURCE_"));
    System.out.println("Class-data-sharing training run of the server (log: " + log + ")");
    Instant begin = Instant.now();
    Process server = builder.start();
    try {
      String base = "http://127.0.0.1:" + port;
      awaitOk(server, base + "/trials/NCT02633163", log);
      awaitOk(server, base + "/admin/login.xhtml", log);
      for (String page : List.of("/", "/trials/NCT02633163?lang=es", "/trials/NCT02633163/check",
          "/trials/NCT02633163/sites/cedars-sinai", "/api/trials/NCT02633163/questionnaire", "/no-such-page")) {
        get(base + page);
      }
    } finally {
      server.destroy(); // SIGTERM: the JVM writes the archive while it exits
      if (!server.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        server.destroyForcibly();
        throw new IllegalStateException("the training server did not stop; see " + log);
      }
    }
    if (!Files.exists(archive)) {
      throw new IllegalStateException("no class-data-sharing archive was written; see " + log);
    }
    System.out.printf("Class-data-sharing archive %s (%d MB) written in %d s%n", archive,
        Files.size(archive) >> 20, Duration.between(begin, Instant.now()).toSeconds());
    deleteTree(trainingDir.resolve("data"));
  }

  private static void awaitOk(Process server, String url, Path log) throws InterruptedException {
    Instant begin = Instant.now();
    while (Duration.between(begin, Instant.now()).compareTo(TIMEOUT) < 0) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the training server exited; see " + log);
      }
      if (get(url) == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(url + " did not answer 200 within " + TIMEOUT + "; see " + log);
  }

  private static int get(String url) throws InterruptedException {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    }
  }

  private static void run(ProcessBuilder builder, Path log, Duration timeout) throws Exception {
    Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", builder.command()) + " did not end within " + timeout + "; see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", builder.command()) + " exited with " + p.exitValue() + "; see " + log);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
