/**
 * A CloudTrail simulator for tests and benchmarks: an account with many functions, their normal
 * traffic (Lambda's own role assumptions, invocations, the functions' calls), the benign
 * look-alikes of every attack (scheduled functions, a daily security scan, CI deployments, new code
 * after a deploy, traffic surges, narrow admin changes) and injected attacks of every kind the
 * detectors know, each labelled. The same seed gives the same records, byte for byte.
 */
@NullMarked
package dev.warden.logs.simulate;

import org.jspecify.annotations.NullMarked;
