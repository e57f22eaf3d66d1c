package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The events a detection rests on: how many, when, and the IDs of the first hundred. */
final class Sample implements Serializable {

  private static final long serialVersionUID = 1L;

  long count;
  long start = Long.MAX_VALUE;
  long end = Long.MIN_VALUE;

  /** The earliest events as {@code <time, 19 digits> <id>}, at most {@link Detection#KEPT_IDS}. */
  private final TreeSet<String> first = new TreeSet<>();

  void add(TrailEvent event) {
    add(event.id(), event.time());
  }

  void add(String id, long time) {
    count++;
    start = Math.min(start, time);
    end = Math.max(end, time);
    if (first.size() >= Detection.KEPT_IDS && time > timeOf(first.last())) {
      return; // later than every kept event: nothing to keep
    }
    String digits = Long.toString(Math.max(0, time));
    keep("0".repeat(19 - digits.length()) + digits + " " + id);
  }

  private static long timeOf(String entry) {
    return Long.parseLong(entry.substring(0, 19));
  }

  void addAll(Sample other) {
    count += other.count;
    start = Math.min(start, other.start);
    end = Math.max(end, other.end);
    for (String entry : other.first) {
      keep(entry);
    }
  }

  private void keep(String entry) {
    if (first.size() < Detection.KEPT_IDS) {
      first.add(entry);
    } else if (entry.compareTo(first.last()) < 0) {
      first.add(entry);
      first.pollLast();
    }
  }

  /** The kept IDs in time order. */
  List<String> ids() {
    List<String> ids = new ArrayList<>(first.size());
    for (String entry : first) {
      ids.add(entry.substring(20));
    }
    return ids;
  }
}
