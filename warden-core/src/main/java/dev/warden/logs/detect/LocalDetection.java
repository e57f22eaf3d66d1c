package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The local engine: events from any number of feeds (one per reading thread) go into a reorder
 * buffer. Each feed's event time is the newest it has given; the watermark is the oldest of those,
 * less {@code lateness}: every feed has moved past it, so that threads reading different files side
 * by side do not make each other late. Events the watermark passes are released, in time order, to
 * every detector's state for each of its keys. An event that arrives behind the watermark is late:
 * counted and left out of detection. Every hour of event time idle states are advanced and dropped,
 * so memory is the buffer (the events between the slowest feed and the fastest, plus {@code
 * lateness}) and what the detectors keep.
 */
public final class LocalDetection {

  private static final long SWEEP = 3_600_000L;

  private final List<Detector<?>> detectors;
  private final List<Map<String, Serializable>> states = new ArrayList<>();
  private final long lateness;
  private final PriorityQueue<TrailEvent> buffer = new PriorityQueue<>(KeyFeed.ORDER);
  private final List<Detection> found = new ArrayList<>();
  private final List<Feed> feeds = new ArrayList<>();
  private long watermark = Long.MIN_VALUE;
  private long lastSweep = Long.MIN_VALUE;
  private long late;
  private long released;

  public LocalDetection(List<Detector<?>> detectors, long lateness) {
    this.detectors = List.copyOf(detectors);
    this.lateness = lateness;
    for (int i = 0; i < detectors.size(); i++) {
      states.add(new HashMap<>());
    }
  }

  /** With every detector and these thresholds (their {@code lateness} included). */
  public static LocalDetection of(Thresholds thresholds) {
    return new LocalDetection(Detectors.all(thresholds), thresholds.millis("lateness"));
  }

  /** Where one thread gives its events, in roughly the order it reads them. */
  public final class Feed {
    private long newest = Long.MIN_VALUE;
    private boolean open = true;

    private Feed() {}

    /** Takes one event. */
    public void add(TrailEvent event) {
      synchronized (LocalDetection.this) {
        if (event.time() <= watermark) {
          late++;
          return;
        }
        buffer.add(event);
        if (event.time() > newest) {
          newest = event.time();
          advance();
        }
      }
    }

    /** The thread has no more events: the watermark no longer waits for it. */
    public void close() {
      synchronized (LocalDetection.this) {
        open = false;
        advance();
      }
    }
  }

  /** A new feed; the watermark waits for every open feed. */
  public synchronized Feed feed() {
    Feed feed = new Feed();
    feeds.add(feed);
    return feed;
  }

  /** Takes one event from a single-threaded caller (a feed of its own). */
  public synchronized void add(TrailEvent event) {
    if (feeds.isEmpty()) {
      feed();
    }
    feeds.get(0).add(event);
  }

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
    if (until != Long.MIN_VALUE) {
      release(until - lateness);
    }
  }

  /** No more events: releases the buffer and closes every window. */
  public synchronized List<Detection> finish() {
    release(Long.MAX_VALUE - 1);
    for (int d = 0; d < detectors.size(); d++) {
      Detector<Serializable> detector = KeyFeed.typed(detectors.get(d));
      List<String> keys = new ArrayList<>(states.get(d).keySet());
      java.util.Collections.sort(keys);
      for (String key : keys) {
        detector.advance(states.get(d).get(key), Detector.NEVER, found::add);
      }
      states.get(d).clear();
    }
    List<Detection> sorted = new ArrayList<>(found);
    sorted.sort(Detection.ORDER);
    return sorted;
  }

  /** Events that arrived behind the watermark and were left out. */
  public synchronized long late() {
    return late;
  }

  /** Events released to the detectors. */
  public synchronized long released() {
    return released;
  }

  private void release(long until) {
    while (!buffer.isEmpty() && buffer.peek().time() <= until) {
      TrailEvent event = buffer.poll();
      watermark = Math.max(watermark, event.time());
      dispatch(event);
    }
    watermark = Math.max(watermark, until);
    if (lastSweep == Long.MIN_VALUE) {
      lastSweep = watermark;
    } else if (watermark - lastSweep >= SWEEP && until != Long.MAX_VALUE - 1) {
      lastSweep = watermark;
      sweep(watermark);
    }
  }

  private void dispatch(TrailEvent event) {
    released++;
    for (int d = 0; d < detectors.size(); d++) {
      Detector<Serializable> detector = KeyFeed.typed(detectors.get(d));
      for (String key : detector.keys(event)) {
        Serializable state = states.get(d).computeIfAbsent(key, detector::newState);
        detector.advance(state, event.time(), found::add);
        detector.accept(state, event, found::add);
      }
    }
  }

  private void sweep(long time) {
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
}
