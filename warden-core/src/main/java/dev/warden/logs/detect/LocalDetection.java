package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local engine. Events come from any number of feeds (one per reading thread). Each feed's
 * event time is the newest it has given; the watermark is the oldest of those, less {@code
 * lateness}: every feed has moved past it, so that threads reading different files side by side do
 * not make each other late. An event that arrives behind the watermark is late: counted and left
 * out.
 *
 * <p>The detectors' keys are split into shards (by key); each shard has its own reorder buffer and
 * states and is worked by whichever reading thread finds it free, so detection runs on several
 * cores. A shard releases the events the watermark has passed in time order (ties by event ID) to
 * the states of its keys. Every hour of event time a shard advances its states and drops the idle
 * ones, so memory is the buffers (the events between the slowest feed and the newest, plus {@code
 * lateness}) and what the detectors keep — not the number of events.
 */
public final class LocalDetection {

  private static final long SWEEP = 3_600_000L;
  private static final long FINAL = Long.MAX_VALUE - 1;

  /** An event and the (detector, key) pairs of one shard it goes to. */
  private static final class Entry {
    private final TrailEvent event;
    private final long time;
    private final int[] detectors;
    private final String[] keys;

    Entry(TrailEvent event, int[] detectors, String[] keys) {
      this.event = event;
      this.time = event.time();
      this.detectors = detectors;
      this.keys = keys;
    }

    TrailEvent event() {
      return event;
    }

    int[] detectors() {
      return detectors;
    }

    String[] keys() {
      return keys;
    }
  }

  private final List<Detector<?>> detectors;
  private final long lateness;
  private final Shard[] shards;
  private final List<Feed> feeds = new ArrayList<>();
  private volatile long watermark = Long.MIN_VALUE;
  private long late;

  public LocalDetection(List<Detector<?>> detectors, long lateness, int shards) {
    this.detectors = List.copyOf(detectors);
    this.lateness = lateness;
    this.shards = new Shard[Math.max(1, shards)];
    for (int i = 0; i < this.shards.length; i++) {
      this.shards[i] = new Shard();
    }
  }

  /** With every detector and these thresholds (their {@code lateness} included), one shard. */
  public static LocalDetection of(Thresholds thresholds) {
    return of(thresholds, 1);
  }

  /** The same, with detection split over {@code shards} shards. */
  public static LocalDetection of(Thresholds thresholds, int shards) {
    return new LocalDetection(Detectors.all(thresholds), thresholds.millis("lateness"), shards);
  }

  /** Where one thread gives its events, in roughly the order it reads them. */
  public final class Feed {
    private long newest = Long.MIN_VALUE;
    private boolean open = true;

    private Feed() {}

    /** Takes one event. */
    public void add(TrailEvent event) {
      List<List<Object>> routes = routes(event);
      synchronized (LocalDetection.this) {
        if (event.time() <= watermark) {
          late++;
          return;
        }
        for (int s = 0; s < shards.length; s++) {
          List<Object> pairs = routes.get(s);
          if (!pairs.isEmpty()) {
            shards[s].inbox.add(entry(event, pairs));
          }
        }
        if (event.time() > newest) {
          newest = event.time();
          advance();
        }
      }
      work(false);
    }

    /** The thread has no more events: the watermark no longer waits for it. */
    public void close() {
      synchronized (LocalDetection.this) {
        open = false;
        advance();
      }
      work(false);
    }
  }

  /** A new feed; the watermark waits for every open feed. */
  public synchronized Feed feed() {
    Feed feed = new Feed();
    feeds.add(feed);
    return feed;
  }

  /** Takes one event from a single-threaded caller (a feed of its own). */
  public void add(TrailEvent event) {
    Feed feed;
    synchronized (this) {
      if (feeds.isEmpty()) {
        feed();
      }
      feed = feeds.get(0);
    }
    feed.add(event);
  }

  /** No more events: releases every buffer and closes every window. */
  public List<Detection> finish() {
    synchronized (this) {
      watermark = FINAL;
    }
    work(true);
    List<Detection> found = new ArrayList<>();
    for (Shard shard : shards) {
      shard.lock.lock();
      try {
        shard.finish();
        found.addAll(shard.found);
      } finally {
        shard.lock.unlock();
      }
    }
    found.sort(Detection.ORDER);
    return found;
  }

  /** Events that arrived behind the watermark and were left out. */
  public synchronized long late() {
    return late;
  }

  /** Each shard's pairs for the event: detector index and key, flattened. */
  private List<List<Object>> routes(TrailEvent event) {
    List<List<Object>> routes = new ArrayList<>(shards.length);
    for (int s = 0; s < shards.length; s++) {
      routes.add(new ArrayList<>(4));
    }
    for (int d = 0; d < detectors.size(); d++) {
      for (String key : detectors.get(d).keys(event)) {
        int shard = Math.floorMod(key.hashCode() * 31 + d, shards.length);
        routes.get(shard).add(d);
        routes.get(shard).add(key);
      }
    }
    return routes;
  }

  /** {@link KeyFeed#ORDER} on entries, without its indirections: the buffer's hot path. */
  private static int compare(Entry a, Entry b) {
    int byTime = Long.compare(a.time, b.time);
    return byTime != 0 ? byTime : a.event.id().compareTo(b.event.id());
  }

  private static Entry entry(TrailEvent event, List<Object> pairs) {
    int[] indexes = new int[pairs.size() / 2];
    String[] keys = new String[pairs.size() / 2];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = (Integer) pairs.get(2 * i);
      keys[i] = (String) pairs.get(2 * i + 1);
    }
    return new Entry(event, indexes, keys);
  }

  /** Moves the watermark to the oldest open feed's newest event, less the lateness. */
  private void advance() {
    long slowest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    for (Feed feed : feeds) {
      newest = Math.max(newest, feed.newest);
      if (feed.open) {
        slowest = Math.min(slowest, feed.newest);
      }
    }
    long until = slowest == Long.MAX_VALUE ? newest : slowest;
    if (until != Long.MIN_VALUE && until - lateness > watermark) {
      watermark = until - lateness;
    }
  }

  /** Works every shard it finds free ({@code wait}: every shard, waiting for busy ones). */
  private void work(boolean wait) {
    for (Shard shard : shards) {
      if (wait) {
        shard.lock.lock();
      } else if (!shard.lock.tryLock()) {
        continue; // another thread is on it, and will release what the watermark allows
      }
      try {
        shard.release(watermark);
      } finally {
        shard.lock.unlock();
      }
    }
  }

  /** Some keys' states, their reorder buffer and what they found. */
  private final class Shard {
    final ReentrantLock lock = new ReentrantLock();
    final ConcurrentLinkedQueue<Entry> inbox = new ConcurrentLinkedQueue<>();

    /** Entries by event time; CloudTrail's times are whole seconds, so many share one. */
    final java.util.TreeMap<Long, List<Entry>> buffer = new java.util.TreeMap<>();

    final List<Map<String, Serializable>> states = new ArrayList<>();
    final List<Detection> found = new ArrayList<>();
    long lastSweep = Long.MIN_VALUE;

    Shard() {
      for (int i = 0; i < detectors.size(); i++) {
        states.add(new HashMap<>());
      }
    }

    void release(long until) {
      for (Entry entry = inbox.poll(); entry != null; entry = inbox.poll()) {
        buffer.computeIfAbsent(entry.time, t -> new ArrayList<>(2)).add(entry);
      }
      while (!buffer.isEmpty() && buffer.firstKey() <= until) {
        List<Entry> due = buffer.pollFirstEntry().getValue();
        if (due.size() > 1) {
          due.sort(LocalDetection::compare);
        }
        for (Entry entry : due) {
          dispatch(entry);
        }
      }
      if (until == FINAL) {
        return;
      }
      if (lastSweep == Long.MIN_VALUE) {
        lastSweep = until;
      } else if (until - lastSweep >= SWEEP) {
        lastSweep = until;
        sweep(until);
      }
    }

    void dispatch(Entry entry) {
      TrailEvent event = entry.event();
      for (int i = 0; i < entry.detectors().length; i++) {
        Detector<Serializable> detector = KeyFeed.typed(detectors.get(entry.detectors()[i]));
        Serializable state =
            states.get(entry.detectors()[i]).computeIfAbsent(entry.keys()[i], detector::newState);
        detector.advance(state, event.time(), found::add);
        detector.accept(state, event, found::add);
      }
    }

    void sweep(long time) {
      for (int d = 0; d < detectors.size(); d++) {
        Detector<Serializable> detector = KeyFeed.typed(detectors.get(d));
        for (Iterator<Serializable> it = states.get(d).values().iterator(); it.hasNext(); ) {
          Serializable state = it.next();
          detector.advance(state, time, found::add);
          if (detector.idle(state)) {
            it.remove();
          }
        }
      }
    }

    void finish() {
      for (int d = 0; d < detectors.size(); d++) {
        Detector<Serializable> detector = KeyFeed.typed(detectors.get(d));
        List<String> keys = new ArrayList<>(states.get(d).keySet());
        java.util.Collections.sort(keys);
        for (String key : keys) {
          detector.advance(states.get(d).get(key), Detector.NEVER, found::add);
        }
        states.get(d).clear();
      }
    }
  }
}
