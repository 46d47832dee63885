package org.opentrials.portal.services.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * A real database for mapping tests: a fresh in-memory H2 by default, or the PostgreSQL named by
 * the system properties it.db.url / it.db.user / it.db.password (as CI sets them). The schema comes
 * from the same Flyway migrations as production; the persistence unit is the production one,
 * switched to resource-local transactions.
 */
public final class TestDatabase implements AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private final EntityManagerFactory emf;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  public TestDatabase() {
    this(Map.of());
  }

  /** With extra persistence-unit properties, e.g. a statement-counting logger. */
  public TestDatabase(Map<String, String> extraProperties) {
    String configured = System.getProperty("it.db.url", "");
    if (configured.isBlank()) {
      url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      user = "sa";
      password = "";
    } else {
      url = configured;
      user = System.getProperty("it.db.user");
      password = System.getProperty("it.db.password");
      resetPostgres();
    }
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Map<String, String> properties =
        new java.util.HashMap<>(
            Map.of(
                "jakarta.persistence.transactionType",
                "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource",
                "",
                "jakarta.persistence.jdbc.url",
                url,
                "jakarta.persistence.jdbc.user",
                user,
                "jakarta.persistence.jdbc.password",
                password == null ? "" : password));
    properties.putAll(extraProperties);
    emf = Persistence.createEntityManagerFactory("trials", properties);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  private void resetPostgres() {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS public CASCADE");
      c.createStatement().execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database " + url, e);
    }
  }

  /** Runs work in one transaction and commits it. */
  public void inTransaction(Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager();
    current.set(em);
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      current.remove();
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /**
   * An entity manager that stands for the one of the transaction running on this thread, as the
   * container's does: for beans that outlive a transaction (caches, throttles), built once.
   */
  public EntityManager transactionScoped() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              EntityManager em = current.get();
              if (em == null) {
                throw new IllegalStateException("no transaction on this thread");
              }
              try {
                return method.invoke(em, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Runs work in one transaction, commits it, and returns what the work returned. */
  public <T> T call(java.util.function.Function<EntityManager, T> work) {
    java.util.concurrent.atomic.AtomicReference<T> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    inTransaction(em -> result.set(work.apply(em)));
    return result.get();
  }

  /**
   * Runs work that must be refused and returns the exception it threw. The transaction is committed
   * anyway, as the container commits what a refusal records in a transaction of its own.
   */
  public RuntimeException refusal(Consumer<EntityManager> work) {
    java.util.concurrent.atomic.AtomicReference<RuntimeException> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    inTransaction(
        em -> {
          try {
            work.accept(em);
          } catch (RuntimeException e) {
            thrown.set(e);
          }
        });
    if (thrown.get() == null) {
      throw new AssertionError("expected a refusal, but the work succeeded");
    }
    return thrown.get();
  }

  /** A plain JDBC connection, to look at what is really stored. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public void close() {
    emf.close();
  }
}
