package dev.warden.bench;

import dev.warden.iam.IamCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * The heap the IAM catalog keeps once loaded, and the time of a cold first load in a fresh JVM (the
 * case of a command-line run): used heap after a full collection, before and after loading.
 *
 * <pre>
 * java -Xmx256m -XX:+UseSerialGC -cp warden-bench/target/benchmarks.jar dev.warden.bench.CatalogFootprint
 * </pre>
 */
public final class CatalogFootprint {

  private CatalogFootprint() {}

  public static void main(String[] args) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    long start = System.nanoTime();
    IamCatalog catalog = IamCatalog.load();
    long coldMillis = (System.nanoTime() - start) / 1_000_000;
    long after = settledHeap(memory);
    System.out.printf(
        Locale.ROOT,
        "IAM catalog: %d services, %d actions; cold load %d ms; retained heap %.1f MB%n",
        catalog.services().size(),
        catalog.actionCount(),
        coldMillis,
        (after - before) / 1e6);
    // Keep the catalog reachable until measured.
    if (catalog.actionCount() < 0) {
      System.out.println(catalog.describe());
    }
  }

  private static long settledHeap(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
