package org.opentrials.portal.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark thread per operation, next to JMH's wall-clock score: on a shared
 * 2-core machine other processes take turns on the cores, which inflates wall-clock time but not
 * the CPU time the benchmark thread itself used. Enabled by default from {@link Main} (the jar's
 * entry point); with the plain JMH launcher add {@code -prof
 * org.opentrials.portal.benchmarks.CpuTimeProfiler}.
 *
 * <p>Reads {@link ThreadMXBean#getThreadCpuTime} of the JMH worker threads at the start and end of
 * each iteration.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long startNanos;

  @Override
  public String getDescription() {
    return "CPU time of the JMH worker threads per operation (ms/op)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startNanos = workerCpuNanos();
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw type
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = workerCpuNanos() - startNanos;
    long ops = result.getMetadata().getMeasuredOps();
    double msPerOp = ops == 0 ? Double.NaN : cpu / 1e6 / ops;
    return List.of(new ScalarResult("cpu.time", msPerOp, "ms/op", AggregationPolicy.AVG));
  }

  /** Summed CPU time of the live JMH worker threads; a worker's time only grows while it runs. */
  private long workerCpuNanos() {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().contains("jmh-worker")) {
        long n = threads.getThreadCpuTime(t.getId());
        if (n > 0) {
          sum += n;
        }
      }
    }
    return sum;
  }
}
