package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The server killed with SIGKILL in the middle of two loops of writes, a staff member saving the
 * Cedars site and a visitor sending contact requests through the pre-screener, then started again
 * on the same database: every change that was acknowledged is there, once; the one in flight is
 * there whole or not at all; and the audit trail's hash chain is intact (nothing half-written). On
 * H2 (WRITE_DELAY=0) and, in the PostgreSQL pass, on PostgreSQL.
 */
class CrashIT extends PortalIT {
  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "after the crash test");
  }

  @Test
  void acknowledgedWritesSurviveAKill() throws Exception {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    AtomicInteger acknowledged = new AtomicInteger(-1);
    AtomicInteger attempted = new AtomicInteger(-1);
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < 10_000; i++) {
                try {
                  FacesForm form = investigator.form(CedarsSite.EDIT, "edit");
                  attempted.set(i);
                  HttpResponse<String> r =
                      investigator.submit(
                          form,
                          Map.of("contactName", "Crash test " + i, "reason", "crash " + i),
                          "save");
                  if (r.statusCode() == 200 && r.body().contains("Saved.")) {
                    acknowledged.set(i);
                  }
                } catch (RuntimeException e) {
                  return; // the server is gone
                }
              }
            });

    // The visitor: one pre-screening and contact request after another, each with its own name.
    String run = Long.toString(System.nanoTime() % 100_000);
    Map<Integer, String> receipts = new ConcurrentHashMap<>();
    AtomicInteger requestsAttempted = new AtomicInteger(-1);
    browser();
    Thread visitor =
        new Thread(
            () -> {
              for (int i = 0; i < 40; i++) {
                try {
                  open("/trials/NCT02633163/check");
                  Prescreener.walk(browser(), PrescreenIT.eligibleVisitor(), this::submitAndWait);
                  new Select(browser().findElement(By.cssSelector("select[id$=':site']")))
                      .selectByVisibleText("Cedars-Sinai Medical Center (Los Angeles, CA)");
                  browser()
                      .findElement(By.cssSelector("input[id$=':name']"))
                      .sendKeys(contactName(run, i));
                  browser()
                      .findElement(By.cssSelector("input[id$=':email']"))
                      .sendKeys(contactEmail(run, i));
                  new Select(browser().findElement(By.cssSelector("select[id$=':time']")))
                      .selectByValue("EVENING");
                  browser().findElement(By.cssSelector("input[id$=':consent']")).click();
                  requestsAttempted.set(i);
                  submitAndWait(By.cssSelector("input[id$=':send']"));
                  if (browser()
                      .findElement(By.cssSelector(".receipt h2"))
                      .getText()
                      .equals("Your request has been sent")) {
                    receipts.put(
                        i, browser().findElement(By.cssSelector(".receipt .reference")).getText());
                  }
                } catch (RuntimeException e) {
                  return; // the server is gone
                }
              }
            });
    writer.start();
    visitor.start();
    long until = System.nanoTime() + 240_000_000_000L;
    while ((acknowledged.get() < 5 || receipts.size() < 3) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(acknowledged.get())
        .as("saves acknowledged before the kill")
        .isGreaterThanOrEqualTo(5);
    assertThat(receipts).as("contact requests acknowledged before the kill").hasSizeGreaterThan(2);
    server.crashAndRestart();
    writer.join(60_000);
    visitor.join(120_000);
    int ack = acknowledged.get();
    int inFlight = attempted.get();

    StaffSession after = CedarsSite.signedIn(server, "investigator.cedars");
    String stored = after.form(CedarsSite.EDIT, "edit").value("contactName");
    assertThat(stored)
        .as("acknowledged up to %d, attempted up to %d", ack, inFlight)
        .isIn("Crash test " + ack, "Crash test " + inFlight);

    StaffSession admin = CedarsSite.signedIn(server, "admin");
    HttpResponse<String> verified =
        admin.submit(admin.form("/admin/audit/index.xhtml", "chain"), Map.of(), "verify");
    assertThat(verified.body()).contains("The chain is intact");
    // The export holds the whole trail (the page shows the latest entries only).
    String trail =
        admin
            .get("/admin/audit/export.csv?actor=investigator.cedars&entity=" + CedarsSite.KEY)
            .body();
    for (int i = 0; i <= ack; i++) {
      assertThat(trail).as("audit entry of save %d", i).contains("\"crash " + i + "\"");
    }

    // The contact requests of this run, as the site's investigator exports them (decrypted: a
    // half-written one would not read back).
    String csv = after.get("/admin/sites/requests.csv").body();
    Map<String, List<String>> rows = new HashMap<>();
    Pattern ours = Pattern.compile("Crash Contact " + run + "-\\d+");
    csv.lines()
        .forEach(
            line -> {
              Matcher name = ours.matcher(line);
              if (name.find()) {
                rows.computeIfAbsent(name.group(), k -> new ArrayList<>()).add(line);
              }
            });
    int sent = requestsAttempted.get();
    receipts.forEach(
        (i, reference) -> {
          List<String> same = rows.get(contactName(run, i));
          assertThat(same)
              .as("acknowledged contact request %d (%s), once", i, reference)
              .hasSize(1);
          assertThat(same.get(0))
              .startsWith("\"" + reference + "\"")
              .contains("\"" + contactEmail(run, i) + "\"");
        });
    rows.forEach(
        (name, same) -> {
          assertThat(same).as("%s stored once", name).hasSize(1);
          int i = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
          assertThat(i).as("only requests that were sent").isLessThanOrEqualTo(sent);
          assertThat(same.get(0)).contains("\"" + contactEmail(run, i) + "\"");
        });
    System.out.printf(
        "CrashIT: SIGKILL after %d acknowledged saves (%d attempted) and %d acknowledged contact"
            + " requests (%d sent); after restart the stored value is save %s, every acknowledged"
            + " save is in the audit trail, the chain is intact; %d contact requests stored, each"
            + " once and whole, every acknowledged one among them%n",
        ack + 1,
        inFlight + 1,
        receipts.size(),
        sent + 1,
        stored.replace("Crash test ", ""),
        rows.size());
  }

  private static String contactName(String run, int i) {
    return "Crash Contact " + run + "-" + i;
  }

  private static String contactEmail(String run, int i) {
    return "crash." + run + "." + i + "@example.org";
  }
}
