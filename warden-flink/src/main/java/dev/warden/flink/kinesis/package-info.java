/**
 * A Flink source of CloudTrail records from an Amazon Kinesis data stream, over the AWS SDK's
 * Kinesis client: the enumerator lists the stream's shards (again and again on an endless stream,
 * to find the children of a resharding) and hands each to one reader; readers poll their shards and
 * remember, in checkpoints, the last sequence number read of each.
 */
@NullMarked
package dev.warden.flink.kinesis;

import org.jspecify.annotations.NullMarked;
