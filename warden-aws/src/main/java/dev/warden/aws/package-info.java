/**
 * The read-only AWS collector behind {@code warden collect aws}: every region's Lambda functions
 * with their versions, aliases, resource policies, URLs, event source mappings, invoke and code
 * signing settings and layers; the roles they run as (IAM account authorization details); the API
 * Gateway APIs, S3 buckets, SNS topics, SQS queues and EventBridge rules that trigger them; their
 * log groups. Written as a snapshot folder of the AWS API's own JSON shapes (what the AWS CLI
 * prints) plus {@code manifest.json}, which {@code warden scan} reads like a template.
 *
 * <p>The only module that depends on the AWS SDK; the core reads snapshots without it.
 */
@NullMarked
package dev.warden.aws;

import org.jspecify.annotations.NullMarked;
