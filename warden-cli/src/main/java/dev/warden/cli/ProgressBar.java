package dev.warden.cli;

import dev.warden.scan.ScanOptions;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on standard error for scans that take a while: it appears only on a terminal, only
 * after half a second, redraws at most ten times a second, and erases itself at the end.
 */
final class ProgressBar implements ScanOptions.Progress {

  private static final long DELAY_NANOS = 500_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final long started = System.nanoTime();
  private final AtomicLong lastDrawn = new AtomicLong();
  private volatile boolean drawn;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  /** A bar when standard error is a terminal, else nothing. */
  static ScanOptions.Progress forTerminal(PrintStream err, boolean quiet) {
    return !quiet && Terminal.isInteractive() ? new ProgressBar(err) : ScanOptions.Progress.NONE;
  }

  @Override
  public void checked(int done, int total) {
    long now = System.nanoTime();
    long last = lastDrawn.get();
    if (now - started < DELAY_NANOS
        || (now - last < REDRAW_NANOS && done < total)
        || !lastDrawn.compareAndSet(last, now)) {
      return;
    }
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    synchronized (err) {
      err.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(WIDTH - filled)
              + "] "
              + done
              + "/"
              + total
              + " functions checked");
      err.flush();
      drawn = true;
    }
  }

  /** Erases the bar, if one was drawn. */
  void finish() {
    if (drawn) {
      synchronized (err) {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
      }
    }
  }
}
