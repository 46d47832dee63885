package org.opentrials.portal.registry.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.registry.ImportActor;
import org.opentrials.portal.registry.ImportAudit;
import org.opentrials.portal.registry.ImportReport;
import org.opentrials.portal.registry.ImportRun;
import org.opentrials.portal.registry.RegistryStudy;
import org.opentrials.portal.registry.StudyImport;
import org.opentrials.portal.registry.StudyResult;
import org.opentrials.portal.registry.StudyStore;
import org.opentrials.portal.services.audit.AuditAppender;
import org.opentrials.portal.services.audit.AuditEntries;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.audit.AuditTrailService;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.audit.TestCaller;
import org.opentrials.portal.services.persistence.ImportedRecords;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaStaffRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Only administrators upload; anyone else is refused and the refusal is in the audit trail; the
 * import is recorded as the uploading administrator's; only they see its progress.
 */
class ImportUploadServiceTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          AuditFixtures.account(em, "admin", Role.ADMINISTRATOR);
          AuditFixtures.account(em, "other.admin", Role.ADMINISTRATOR);
          AuditFixtures.account(em, "sponsor", Role.SPONSOR_STAFF);
        });
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /**
   * The service as {@code username} calls it, running the import at once in the calling thread. A
   * refusal is thrown after the transaction commits, as the container's transaction of its own
   * (REQUIRES_NEW) would keep its audit entry.
   */
  private <T> T as(String username, java.util.function.Function<ImportUploadService, T> call) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    db.inTransaction(
        em -> {
          try {
            result.set(
                call.apply(
                    new ImportUploadService(
                        Runnable::run,
                        AuditFixtures.caller(em, username),
                        AuditFixtures.trail(em, username, Clock.systemUTC()),
                        new DatabaseImport(),
                        Clock.systemUTC())));
          } catch (RuntimeException e) {
            thrown.set(e);
          }
        });
    if (thrown.get() != null) {
      throw thrown.get();
    }
    return result.get();
  }

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> entries(String action) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select actor, actor_role, entity_type, entity_key from audit_entry where action = '"
                        + action
                        + "' order by id")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4));
      }
    }
    return rows;
  }

  @Test
  void sponsorStaffAreRefusedAndTheRefusalIsRecorded() throws Exception {
    assertThatThrownBy(() -> as("sponsor", s -> s.start("study.json", 10, json("{}"))))
        .isInstanceOf(AccessDenied.class);
    assertThat(entries("ACCESS_DENIED")).containsExactly("sponsor|SPONSOR_STAFF|Import|upload");
    assertThat(entries("IMPORT")).isEmpty();
  }

  @Test
  void theUploadingAdministratorIsTheActorAndOnlyTheySeeTheProgress() throws Exception {
    // One service for the whole test, as in the container; the caller is whoever is signed in.
    EntityManager em = db.transactionScoped();
    StaffCaller caller = new StaffCaller(signedIn(), new JpaStaffRepository(em));
    ImportUploadService service =
        new ImportUploadService(
            Runnable::run,
            caller,
            new AuditTrailService(
                new AuditEntries(em), new AuditAppender(em, Clock.systemUTC()), caller),
            new DatabaseImport(),
            Clock.systemUTC());
    String study =
        """
        {"protocolSection": {"identificationModule": {"nctId": "NCT10000001", "briefTitle": "Uploaded study"},
         "statusModule": {"overallStatus": "RECRUITING"},
         "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Sponsor"}},
         "designModule": {"studyType": "INTERVENTIONAL"}}}""";
    String id =
        withCaller(
            service,
            "admin",
            () -> service.start("C:\\\\Users\\\\me\\\\study.json", study.length(), json(study)));
    ImportProgress done = withCaller(service, "admin", () -> service.progress(id).orElseThrow());
    assertThat(done.finished()).isTrue();
    assertThat(done.fileName()).isEqualTo("study.json");
    assertThat(done.report().created()).isEqualTo(1);
    assertThat(entries("IMPORT"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).startsWith("admin|ADMINISTRATOR|"));
    assertThat(withCaller(service, "other.admin", () -> service.progress(id))).isEmpty();
  }

  @Test
  void anEmptyOrOversizedUploadIsRefusedWithItsReason() {
    assertThatThrownBy(() -> as("admin", s -> s.start("empty.json", 0, json(""))))
        .isInstanceOfSatisfying(
            UploadRefused.class, e -> assertThat(e.reason()).isEqualTo(UploadRefused.Reason.EMPTY));
    assertThatThrownBy(
            () -> as("admin", s -> s.start("big.zip", ImportUploads.MAX_BYTES + 1, json("{}"))))
        .isInstanceOfSatisfying(
            UploadRefused.class,
            e -> assertThat(e.reason()).isEqualTo(UploadRefused.Reason.TOO_LARGE));
  }

  private String signedIn;

  /** The security context of the current request: {@link #signedIn}, or nobody. */
  private SecurityContext signedIn() {
    return (SecurityContext)
        Proxy.newProxyInstance(
            SecurityContext.class.getClassLoader(),
            new Class<?>[] {SecurityContext.class},
            (proxy, method, args) ->
                method.invoke(
                    signedIn == null ? TestCaller.anonymous() : TestCaller.named(signedIn), args));
  }

  /**
   * Runs a call with the service's caller and trail bound to {@code username} in a transaction of
   * its own.
   */
  private <T> T withCaller(
      ImportUploadService service, String username, java.util.function.Supplier<T> call) {
    AtomicReference<T> result = new AtomicReference<>();
    signedIn = username;
    db.inTransaction(
        em -> {
          result.set(call.get());
        });
    return result.get();
  }

  /**
   * The import over the test database: a resource-local transaction per batch, as the command line
   * runs it.
   */
  private final class DatabaseImport implements StudyImport {
    @Override
    public ImportReport importStream(
        String name,
        InputStream in,
        ImportActor actor,
        ImportReport.Collector collector,
        Consumer<StudyResult> listener) {
      return new ImportRun(
              batch -> {
                AtomicReference<List<StudyResult>> results = new AtomicReference<>();
                db.inTransaction(
                    em -> {
                      results.set(
                          new StudyStore(Clock.systemUTC())
                              .store(
                                  batch,
                                  new JpaTrialRepository(em),
                                  new JpaSiteRepository(em),
                                  new ImportedRecords(em)));
                      new AuditAppender(em, Clock.systemUTC())
                          .appendAll(ImportAudit.records(results.get(), actor));
                    });
                return results.get();
              },
              collector,
              listener)
          .stream(name, in).report();
    }

    @Override
    public ImportReport importFiles(List<java.nio.file.Path> files) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ImportReport importStream(String name, InputStream in) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StudyResult importStudy(RegistryStudy study) {
      throw new UnsupportedOperationException();
    }
  }
}
