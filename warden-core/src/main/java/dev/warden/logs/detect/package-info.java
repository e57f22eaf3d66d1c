/**
 * Attack detection over audit logs: each {@link dev.warden.logs.detect.Detector} is a small state
 * machine, one state per key (mostly a principal), fed that key's events in event-time order and
 * told when event time has passed a point, so that windows close by event time alone. What it finds
 * is the same whichever engine feeds it: the local one here ({@link
 * dev.warden.logs.detect.LocalDetection}, a reorder buffer behind a watermark) or the Flink job's
 * keyed process functions. Thresholds live in {@link dev.warden.logs.detect.Thresholds}, with their
 * reasoning in {@code docs/detections.md}.
 */
@NullMarked
package dev.warden.logs.detect;

import org.jspecify.annotations.NullMarked;
