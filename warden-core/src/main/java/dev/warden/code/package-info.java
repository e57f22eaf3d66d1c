/**
 * What a function's code does with the cloud. For now: which IAM actions each AWS SDK call needs,
 * from a bundled table of SDK operations (derived from iann0036/iam-dataset, MIT), documented
 * exceptions for SDK helpers, and the operation naming rule checked against the IAM catalog for
 * operations newer than the table. The handler's module graph and the calls found in it come next
 * (issue 5).
 */
@NullMarked
package dev.warden.code;

import org.jspecify.annotations.NullMarked;
