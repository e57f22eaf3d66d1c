package dev.warden.logs;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The event IDs seen lately, to drop the copies CloudTrail delivers twice (a file delivered again,
 * exports that overlap): a bounded memory of the most recent {@code capacity} IDs, kept as 64-bit
 * hashes in stripes so that reading threads seldom wait for each other. An ID seen longer ago than
 * that is forgotten, so memory stays flat whatever the input size; a 64-bit hash collision (about
 * one in 10^13 pairs at a million IDs) would drop one genuine event.
 */
public final class RecentIds {

  private static final int STRIPES = 16;

  private final Stripe[] stripes = new Stripe[STRIPES];

  /** One stripe: a set of hashes and a ring of the same hashes in arrival order, to evict. */
  private static final class Stripe {
    final Set<Long> seen = new HashSet<>();
    final long[] ring;
    int next;
    int size;

    Stripe(int capacity) {
      ring = new long[capacity];
    }

    synchronized boolean firstTime(long hash) {
      if (!seen.add(hash)) {
        return false;
      }
      if (size == ring.length) {
        seen.remove(ring[next]);
      } else {
        size++;
      }
      ring[next] = hash;
      next = (next + 1) % ring.length;
      return true;
    }
  }

  public RecentIds(int capacity) {
    int perStripe = Math.max(1, capacity / STRIPES);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe(perStripe);
    }
  }

  /** True the first time an ID is seen (within memory); an empty ID is never a duplicate. */
  public boolean firstTime(String id) {
    if (id.isEmpty()) {
      return true;
    }
    long hash = hash(id);
    return stripes[(int) (hash >>> 60)].firstTime(hash);
  }

  /** FNV-1a, 64 bits, over the ID's UTF-8 bytes. */
  static long hash(String id) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
