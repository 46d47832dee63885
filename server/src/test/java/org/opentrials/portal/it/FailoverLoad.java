package org.opentrials.portal.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load through the front while one instance is killed (server/src/cluster/failover-load.sh runs
 * it): reader threads fetch the public trial page, one staff member saves the Cedars-Sinai site
 * over and over with a new contact name; at {@code killAt} seconds the instance that holds the
 * staff member's session (the front keeps them there) is killed (SIGKILL). Prints per second what
 * answered and what failed, the error rate and how long errors lasted after the kill, and writes
 * the acknowledged contact names (one a line) to {@code ackFile}, for the script to look up in the
 * database.
 *
 * <p>Arguments: frontUrl instances killAt seconds readers username password ackFile, where
 * instances is {@code http://127.0.0.1:8116=pid,http://127.0.0.1:8117=pid}. Needs only the JDK and
 * this directory's StaffSession and FacesForm: {@code java -cp server/target/test-classes
 * org.opentrials.portal.it.FailoverLoad ...}.
 */
public final class FailoverLoad {
  private FailoverLoad() {}

  public static void main(String[] args) throws Exception {
    String front = args[0];
    Map<String, Long> instances = new java.util.LinkedHashMap<>();
    for (String instance : args[1].split(",")) {
      String[] urlPid = instance.split("=");
      instances.put(urlPid[0], Long.parseLong(urlPid[1]));
    }
    java.util.concurrent.atomic.AtomicLong victim =
        new java.util.concurrent.atomic.AtomicLong(instances.values().iterator().next());
    int killAt = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int readers = Integer.parseInt(args[4]);
    String username = args[5];
    String password = args[6];
    Path ackFile = Path.of(args[7]);

    AtomicLongArray readOk = new AtomicLongArray(seconds + 5);
    AtomicLongArray readFailed = new AtomicLongArray(seconds + 5);
    AtomicLongArray writeOk = new AtomicLongArray(seconds + 5);
    AtomicLongArray writeFailed = new AtomicLongArray(seconds + 5);
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    long start = System.nanoTime();
    ConcurrentLinkedQueue<Long> errorTimes = new ConcurrentLinkedQueue<>();

    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      threads.add(
          started(
              () -> {
                while (running.get()) {
                  int second = second(start);
                  try {
                    HttpResponse<Void> resp =
                        client.send(
                            HttpRequest.newBuilder(URI.create(front + "/trials/NCT02633163"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (resp.statusCode() == 200) {
                      readOk.incrementAndGet(second);
                    } else {
                      readFailed.incrementAndGet(second);
                      errorTimes.add(System.nanoTime());
                    }
                  } catch (IOException e) {
                    readFailed.incrementAndGet(second);
                    errorTimes.add(System.nanoTime());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }));
    }
    threads.add(
        started(
            () -> {
              StaffSession staff = null;
              int n = 0;
              while (running.get()) {
                int second = second(start);
                String name = "load-" + (++n);
                try {
                  if (staff == null) {
                    staff = new StaffSession(front);
                    if (staff.signIn(username, password).statusCode() != 302) {
                      throw new IllegalStateException("sign-in refused");
                    }
                    if (n == 1) {
                      victim.set(holderOfSession(staff, instances));
                    }
                  }
                  HttpResponse<String> saved =
                      staff.submit(
                          staff.form(CedarsSite.EDIT, "edit"),
                          Map.of("contactName", name, "reason", "failover load"),
                          "save");
                  if (saved.statusCode() == 200 && saved.body().contains("Saved.")) {
                    acknowledged.add(name);
                    writeOk.incrementAndGet(second);
                  } else {
                    throw new IllegalStateException("answered " + saved.statusCode());
                  }
                } catch (RuntimeException e) {
                  // Not acknowledged: it may or may not have been applied. Sign in again (the
                  // session lived on the killed instance) and go on with the next name.
                  writeFailed.incrementAndGet(second);
                  errorTimes.add(System.nanoTime());
                  staff = null;
                }
              }
            }));

    Thread.sleep(killAt * 1000L);
    long killedAt = System.nanoTime();
    ProcessHandle.of(victim.get()).ifPresent(ProcessHandle::destroyForcibly);
    System.out.printf(
        "killed process %d (the staff member's instance) at %d s%n", victim.get(), killAt);
    Thread.sleep((seconds - killAt) * 1000L);
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }

    long reads = 0;
    long readErrors = 0;
    long writes = 0;
    long writeErrors = 0;
    System.out.println("second  reads-ok  reads-failed  writes-ok  writes-failed");
    for (int s = 0; s < seconds; s++) {
      System.out.printf(
          "%6d  %8d  %12d  %9d  %13d%n",
          s, readOk.get(s), readFailed.get(s), writeOk.get(s), writeFailed.get(s));
      reads += readOk.get(s) + readFailed.get(s);
      readErrors += readFailed.get(s);
      writes += writeOk.get(s) + writeFailed.get(s);
      writeErrors += writeFailed.get(s);
    }
    long lastError =
        errorTimes.stream().filter(t -> t >= killedAt).mapToLong(Long::longValue).max().orElse(0);
    System.out.printf(
        "reads: %d, failed %d (%.2f %%); writes: %d, acknowledged %d, failed %d%n",
        reads,
        readErrors,
        100.0 * readErrors / Math.max(1, reads),
        writes,
        writes - writeErrors,
        writeErrors);
    System.out.printf(
        "errors after the kill: %d; recovery (kill to last error): %s%n",
        errorTimes.stream().filter(t -> t >= killedAt).count(),
        lastError == 0 ? "no error" : ((lastError - killedAt) / 1_000_000) + " ms");
    Files.write(ackFile, acknowledged);
  }

  /** The process of the instance that knows the session (answers its page instead of sign-in). */
  private static long holderOfSession(StaffSession staff, Map<String, Long> instances) {
    for (Map.Entry<String, Long> instance : instances.entrySet()) {
      HttpResponse<String> page =
          staff.send(
              HttpRequest.newBuilder(URI.create(instance.getKey() + CedarsSite.EDIT))
                  .header("Cookie", "JSESSIONID=" + staff.sessionCookie())
                  .build());
      if (page.statusCode() == 200 && page.body().contains("contactName")) {
        return instance.getValue();
      }
    }
    throw new IllegalStateException("no instance knows the session");
  }

  private static Thread started(Runnable work) {
    Thread t = new Thread(work);
    t.start();
    return t;
  }

  private static int second(long start) {
    return (int) ((System.nanoTime() - start) / 1_000_000_000L);
  }
}
