package org.opentrials.portal.registry.upload;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.Executor;

/** The server's managed executor as an injectable {@link Executor} (tests pass a direct one). */
@ApplicationScoped
public class ManagedExecutors {
  @Resource private ManagedExecutorService managed;

  @Produces
  Executor executor() {
    return managed;
  }
}
