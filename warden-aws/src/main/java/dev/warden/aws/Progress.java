package dev.warden.aws;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Progress lines for stderr: the functions each region lists, then a line each time another tenth
 * of those found so far is collected.
 */
final class Progress {

  private final Consumer<String> out;
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final CallLedger ledger;

  Progress(Consumer<String> out, CallLedger ledger) {
    this.out = out;
    this.ledger = ledger;
  }

  void say(String line) {
    out.accept(line);
  }

  void functionsFound(String region, int count) {
    found.addAndGet(count);
    out.accept(region + ": " + count + (count == 1 ? " function" : " functions"));
  }

  void functionDone() {
    int now = done.incrementAndGet();
    int of = found.get();
    int step = Math.max(1, of / 10);
    if (now % step == 0 || now == of) {
      out.accept(
          "collected "
              + now
              + " of "
              + of
              + " functions ("
              + ledger.totalCalls()
              + " calls so far)");
    }
  }

  int functions() {
    return found.get();
  }
}
