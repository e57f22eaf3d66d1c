/**
 * Warden's CloudTrail analysis as an Apache Flink DataStream job: the same reader, detectors and
 * usage miner as the local engine, run as keyed process functions with Flink state and event-time
 * timers ({@link dev.warden.flink.TrailJob}); the embedded engine behind {@code warden logs analyze
 * --engine flink} ({@link dev.warden.flink.FlinkEngine}); and the job's entry point for clusters.
 */
@NullMarked
package dev.warden.flink;

import org.jspecify.annotations.NullMarked;
