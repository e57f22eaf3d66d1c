package dev.warden.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads many inputs on all cores: each worker takes the next file, feeds its events (those the
 * filter keeps) into an accumulator of its own, and the accumulators are merged at the end, so
 * nothing is shared while reading but the memory of recent event IDs that drops records delivered
 * twice, and memory is what the accumulators hold, whatever the input size. Problems are counted,
 * the first {@value #KEPT_PROBLEMS} kept with their file and line.
 */
public final class TrailScan {

  /** How many problems are kept to show; the rest are only counted. */
  public static final int KEPT_PROBLEMS = 100;

  /** How many recent event IDs are remembered to drop duplicates (about 40 MB at most). */
  public static final int REMEMBERED_IDS = 1 << 20;

  /** Hears how far the reading is; called from several threads. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (files, totalFiles, events) -> {};

    void read(int files, int totalFiles, long events);
  }

  /** The merged accumulator, and what was read. */
  public record Result<A>(
      A value,
      int files,
      long events,
      long skipped,
      long duplicates,
      long problemCount,
      List<TrailProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /** What one worker gathers. */
  private static final class Worker<A> {
    final A value;
    long events;
    long skipped;
    long duplicates;

    Worker(A value) {
      this.value = value;
    }
  }

  private TrailScan() {}

  /**
   * Reads every input with {@code threads} workers.
   *
   * @param accumulator a new, empty accumulator for a worker
   * @param add adds an event to an accumulator
   * @param merge merges two accumulators into one
   */
  public static <A> Result<A> run(
      List<TrailInput> inputs,
      int threads,
      Predicate<TrailEvent> filter,
      Supplier<A> accumulator,
      java.util.function.BiConsumer<A, TrailEvent> add,
      BinaryOperator<A> merge,
      Progress progress)
      throws InterruptedException {
    return run(inputs, threads, filter, accumulator, add, merge, value -> {}, progress);
  }

  /**
   * Reads every input with {@code threads} workers, telling {@code finished} when a worker has read
   * its last input (before the merge).
   */
  public static <A> Result<A> run(
      List<TrailInput> inputs,
      int threads,
      Predicate<TrailEvent> filter,
      Supplier<A> accumulator,
      java.util.function.BiConsumer<A, TrailEvent> add,
      BinaryOperator<A> merge,
      java.util.function.Consumer<A> finished,
      Progress progress)
      throws InterruptedException {
    AtomicLong problemCount = new AtomicLong();
    List<TrailProblem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong events = new AtomicLong();
    RecentIds recent = new RecentIds(REMEMBERED_IDS);
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    int workers = Math.max(1, Math.min(threads, inputs.size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<Worker<A>>> futures = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  Worker<A> worker = new Worker<>(accumulator.get());
                  for (int i = next.getAndIncrement();
                      i < inputs.size();
                      i = next.getAndIncrement()) {
                    TrailInput input = inputs.get(i);
                    long before = worker.events;
                    try (InputStream in = input.open()) {
                      TrailReader.read(
                          input.name(),
                          in,
                          event -> {
                            if (!recent.firstTime(event.id())) {
                              worker.duplicates++;
                            } else if (filter.test(event)) {
                              add.accept(worker.value, event);
                              worker.events++;
                            } else {
                              worker.skipped++;
                            }
                          },
                          problem -> {
                            if (problemCount.incrementAndGet() <= KEPT_PROBLEMS) {
                              problems.add(problem);
                            }
                          });
                    } catch (IOException e) {
                      if (problemCount.incrementAndGet() <= KEPT_PROBLEMS) {
                        problems.add(
                            new TrailProblem(input.name(), 0, "cannot be read: " + e.getMessage()));
                      }
                    }
                    progress.read(
                        done.incrementAndGet(),
                        inputs.size(),
                        events.addAndGet(worker.events - before));
                  }
                  finished.accept(worker.value);
                  return worker;
                }));
      }
      A merged = null;
      long total = 0;
      long skipped = 0;
      long duplicates = 0;
      for (Future<Worker<A>> future : futures) {
        Worker<A> worker;
        try {
          worker = future.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("reading the logs failed", e.getCause());
        }
        merged = merged == null ? worker.value : merge.apply(merged, worker.value);
        total += worker.events;
        skipped += worker.skipped;
        duplicates += worker.duplicates;
      }
      List<TrailProblem> kept = new ArrayList<>(problems);
      kept.sort(
          java.util.Comparator.comparing(TrailProblem::file).thenComparingLong(TrailProblem::line));
      return new Result<>(
          merged == null ? accumulator.get() : merged,
          inputs.size(),
          total,
          skipped,
          duplicates,
          problemCount.get(),
          kept);
    } finally {
      pool.shutdownNow();
    }
  }
}
