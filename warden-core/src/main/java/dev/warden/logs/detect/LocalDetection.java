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
 * The local engine: events from any number of reading threads go into a reorder buffer; once event
 * time has moved {@code lateness} past an event (the watermark), the event is released, in time
 * order, to every detector's state for each of its keys. An event that arrives behind the watermark
 * is late: counted and left out of detection. Every hour of event time idle states are advanced and
 * dropped, so memory is the buffer (events within {@code lateness}) plus what the detectors keep.
 */
public final class LocalDetection {

  private static final long SWEEP = 3_600_000L;

  private final List<Detector<?>> detectors;
  private final List<Map<String, Serializable>> states = new ArrayList<>();
  private final long lateness;
  private final PriorityQueue<TrailEvent> buffer = new PriorityQueue<>(KeyFeed.ORDER);
  private final List<Detection> found = new ArrayList<>();
  private long newest = Long.MIN_VALUE;
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

  /** Takes one event; safe to call from several threads. */
  public synchronized void add(TrailEvent event) {
    if (event.time() <= watermark) {
      late++;
      return;
    }
    buffer.add(event);
    if (event.time() > newest) {
      newest = event.time();
      release(newest - lateness);
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
    watermark = Math.max(watermark, Math.min(until, newest - lateness));
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
