package org.opentrials.portal.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The uber-jar's entry point: JMH's command line ({@code org.openjdk.jmh.Main}, all its options
 * work), with {@link CpuTimeProfiler} always on so that every run also reports the benchmark
 * thread's CPU time per operation.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-prof", CpuTimeProfiler.class.getName()));
    all.addAll(List.of(args));
    org.openjdk.jmh.Main.main(all.toArray(new String[0]));
  }
}
