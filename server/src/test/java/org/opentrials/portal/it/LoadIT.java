package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 50 visitors browsing (home, search, trial page, site page) and pre-screening (the API's POST),
 * while 5 staff sessions save the capacity of two sites, for {@code load.seconds} (30 in CI; e.g.
 * -Dload.seconds=300 for a longer run by hand). Prints p50/p99 and errors per kind; asserts no
 * error, every acknowledged staff save in the audit trail exactly once (none lost, none twice), the
 * audit chain intact, and the server's heap after a full GC back within a margin of the one
 * measured before the load (jcmd on the server's process: /metrics stays refused to everyone).
 */
class LoadIT extends PortalIT {
  private static final int VISITORS = Integer.getInteger("load.visitors", 50);
  private static final long SECONDS = Long.getLong("load.seconds", 30);
  private static final String MUSC_KEY = "NCT02633163/medical-university-of-south-carolina";
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Map<String, ConcurrentLinkedQueue<Long>> timings = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final Map<String, String> firstError = new ConcurrentHashMap<>();
  private final AtomicLong retried = new AtomicLong();
  private String muscPlacesBefore;

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "after the load test");
    if (muscPlacesBefore != null) {
      StaffSession musc = CedarsSite.signedIn(server, "investigator.musc");
      FacesForm form = musc.form(CedarsSite.MUSC_EDIT, "edit");
      musc.submit(
          form, Map.of("placesLeft", muscPlacesBefore, "reason", "after the load test"), "save");
    }
  }

  @Test
  void fiftyVisitorsAndFiveStaffLoseNothingAndGiveTheMemoryBack() throws Exception {
    String run = Long.toString(System.nanoTime() % 100_000);
    muscPlacesBefore =
        CedarsSite.signedIn(server, "investigator.musc")
            .form(CedarsSite.MUSC_EDIT, "edit")
            .value("placesLeft");
    // Warm: every page once, so that the page cache and the JIT start where the load leaves them.
    for (String path : visitorPages()) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }
    long baseline = heapUsedAfterGc();

    List<StaffSession> staff = new ArrayList<>();
    List<String> editPages = new ArrayList<>();
    for (String[] who :
        List.of(
            new String[] {"investigator.cedars", CedarsSite.EDIT},
            new String[] {"investigator.cedars", CedarsSite.EDIT},
            new String[] {"admin", CedarsSite.EDIT},
            new String[] {"investigator.musc", CedarsSite.MUSC_EDIT},
            new String[] {"investigator.musc", CedarsSite.MUSC_EDIT})) {
      staff.add(CedarsSite.signedIn(server, who[0]));
      editPages.add(who[1]);
    }

    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int v = 0; v < VISITORS; v++) {
      threads.add(new Thread(() -> visit(end), "visitor-" + v));
    }
    List<List<String>> acknowledged = new ArrayList<>();
    AtomicLong attemptedSaves = new AtomicLong();
    for (int s = 0; s < staff.size(); s++) {
      List<String> mine = new ArrayList<>();
      acknowledged.add(mine);
      int k = s;
      threads.add(
          new Thread(
              () -> edit(staff.get(k), editPages.get(k), k, run, end, mine, attemptedSaves),
              "staff-" + s));
    }
    long began = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    double took = (System.nanoTime() - began) / 1e9;
    long after = heapUsedAfterGc();

    // What the staff were told was saved is in the audit trail, each exactly once.
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String trail = admin.get("/admin/audit/export.csv").body();
    Map<String, Integer> entries = new HashMap<>();
    Matcher reason = Pattern.compile("load-" + run + "-\\d+-\\d+(?=\\W)").matcher(trail);
    while (reason.find()) {
      entries.merge(reason.group(), 1, Integer::sum);
    }
    List<String> allAcknowledged =
        acknowledged.stream().flatMap(List::stream).collect(Collectors.toList());
    HttpResponse<String> verified =
        admin.submit(admin.form("/admin/audit/index.xhtml", "chain"), Map.of(), "verify");

    long requests = timings.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "LoadIT (%s): %d visitors + %d staff for %.0f s: %d requests (%.1f/s), %d errors"
                + " (%.3f%%)%n",
            server.onPostgres() ? "PostgreSQL" : "H2",
            VISITORS,
            staff.size(),
            took,
            requests + failed,
            (requests + failed) / took,
            failed,
            100.0 * failed / Math.max(1, requests + failed)));
    new TreeMap<>(timings)
        .forEach(
            (kind, times) -> {
              long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
              report.append(
                  String.format(
                      "  %-16s n=%6d  p50=%5d ms  p99=%5d ms  max=%5d ms  errors=%d%n",
                      kind,
                      sorted.length,
                      percentile(sorted, 50),
                      percentile(sorted, 99),
                      sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                      errors.getOrDefault(kind, new AtomicLong()).get()));
            });
    report.append(
        String.format(
            "  staff saves: %d attempted, %d acknowledged, %d audit entries of this run; staff"
                + " requests the server asked to repeat (Payara FISH-7515 refusal): %d%n"
                + "  heap used after full GC: before %d MB, after %d MB%n",
            attemptedSaves.get(),
            allAcknowledged.size(),
            entries.values().stream().mapToInt(Integer::intValue).sum(),
            retried.get(),
            baseline >> 10,
            after >> 10));
    firstError.forEach(
        (kind, e) ->
            report.append("  first error of ").append(kind).append(": ").append(e).append('\n'));
    System.out.print(report);

    assertThat(failed).as("errors under load (see the report above)").isZero();
    assertThat(allAcknowledged).as("acknowledged staff saves").isNotEmpty();
    for (String r : allAcknowledged) {
      assertThat(entries.get(r)).as("audit entries of acknowledged save %s", r).isEqualTo(1);
    }
    assertThat(entries.values()).as("no save recorded twice").allMatch(n -> n == 1);
    assertThat((long) entries.size())
        .as("saves recorded (acknowledged, or in flight at the end)")
        .isBetween((long) allAcknowledged.size(), attemptedSaves.get());
    assertThat(verified.body()).contains("The chain is intact");
    assertThat(after)
        .as(
            "heap used after a full GC (KB): back within 25%% + 32 MB of the %d KB before",
            baseline)
        .isLessThanOrEqualTo(baseline + baseline / 4 + 32 * 1024);
  }

  private static List<String> visitorPages() {
    return List.of(
        "/",
        "/trials?q=lupus",
        CedarsSite.PUBLIC_TRIAL,
        CedarsSite.PUBLIC_SITE,
        "/trials/NCT02633163/sites/medical-university-of-south-carolina");
  }

  private void visit(long end) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String answers =
        "{\"answers\": {"
            + PrescreenIT.eligibleVisitor().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "))
            + "}}";
    List<String> pages = visitorPages();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < end) {
      int pick = random.nextInt(pages.size() + 1);
      if (pick < pages.size()) {
        String path = pages.get(pick);
        String kind = pick == 0 ? "home" : pick == 1 ? "search" : pick == 2 ? "trial" : "site";
        timed(client, kind, HttpRequest.newBuilder(uri(path)).GET(), 200);
      } else {
        timed(
            client,
            "prescreen-post",
            HttpRequest.newBuilder(uri("/api/trials/NCT02633163/prescreen"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(answers, StandardCharsets.UTF_8)),
            200);
      }
      pause(random.nextInt(50, 250));
    }
  }

  private void timed(HttpClient client, String kind, HttpRequest.Builder request, int expected) {
    long begin = System.nanoTime();
    try {
      HttpResponse<String> r =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - begin) / 1_000_000;
      if (r.statusCode() == expected) {
        record(kind, millis);
      } else {
        error(kind, "status " + r.statusCode());
      }
    } catch (IOException e) {
      error(kind, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void edit(
      StaffSession session,
      String page,
      int k,
      String run,
      long end,
      List<String> acknowledged,
      AtomicLong attempted) {
    for (int i = 0; System.nanoTime() < end; i++) {
      long begin = System.nanoTime();
      HttpResponse<String> opened = session.get(page);
      if (retry(opened)) {
        // As a browser does: the server asked for the request once more (README, Payara FISH-7515).
        opened = session.get(location(opened));
      }
      if (opened.statusCode() != 200) {
        error("staff-form", "status " + opened.statusCode());
        pause(500);
        continue;
      }
      record("staff-form", (System.nanoTime() - begin) / 1_000_000);
      FacesForm form = FacesForm.read(opened.body(), "edit");
      String reason = "load-" + run + "-" + k + "-" + i;
      attempted.incrementAndGet();
      begin = System.nanoTime();
      HttpResponse<String> saved;
      try {
        Map<String, String> body =
            form.submission(
                Map.of("placesLeft", Integer.toString(k * 100 + i % 100 + 1), "reason", reason),
                "save");
        String target =
            form.action().startsWith(server.baseUrl())
                ? form.action().substring(server.baseUrl().length())
                : form.action();
        saved = session.post(target, body);
        if (retry(saved)) {
          saved = session.post(location(saved), body);
        }
      } catch (RuntimeException e) {
        error("staff-save", e.toString());
        continue;
      }
      long millis = (System.nanoTime() - begin) / 1_000_000;
      if (saved.statusCode() == 200 && saved.body().contains("Saved.")) {
        acknowledged.add(reason);
        record("staff-save", millis);
      } else if (saved.statusCode() == 200
          && saved.body().contains("Someone else saved this site after you opened it")) {
        // Refused with a message (another staff member saved the site in between): an answer,
        // not an error; nothing was stored.
        record("staff-save-refused", millis);
      } else {
        error(
            "staff-save",
            "status " + saved.statusCode() + (saved.statusCode() == 200 ? " without Saved." : ""));
      }
      pause(ThreadLocalRandom.current().nextInt(200, 600));
    }
  }

  /** A 302/307 to the same page marked refused=1: Payara refused an allowed page (README). */
  private boolean retry(HttpResponse<String> r) {
    boolean retry =
        (r.statusCode() == 302 || r.statusCode() == 307)
            && r.headers().firstValue("Location").orElse("").contains("refused=1");
    if (retry) {
      retried.incrementAndGet();
    }
    return retry;
  }

  private static String location(HttpResponse<String> r) {
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.startsWith(server.baseUrl())
        ? location.substring(server.baseUrl().length())
        : location;
  }

  private void record(String kind, long millis) {
    timings.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(millis);
  }

  private void error(String kind, String what) {
    errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    firstError.putIfAbsent(kind, what);
    timings.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server's heap in use (KB) after a full GC, read with jcmd from its process. */
  private static long heapUsedAfterGc() throws Exception {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in jcmd's answer: " + info);
    }
    return Long.parseLong(m.group(1));
  }

  private static String jcmd(String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }
}
