package dev.warden.iam;

/**
 * Matches a Resource pattern of a policy against a resource ARN, as AWS does: the partition,
 * service, region and account segments each on their own (a wildcard does not reach past its
 * colon); the resource type (the {@code role/} of {@code role/fn}, the {@code function:} of {@code
 * function:pay}) literally, since AWS does not apply wildcards there; the rest, where {@code *}
 * spans slashes and colons alike. Patterns with fewer than six segments stand for the missing ones
 * with {@code *}. Segments are compared in that order, so a policy variable without a value only
 * makes the match undecidable when everything before it matched. Works on index ranges of the
 * compiled pattern and the request's ARN: nothing is copied on the way.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
final class ResourceMatcher {

  /** The outcome of one comparison. */
  enum Match {
    MATCH,
    NO_MATCH,
    /** A policy variable had no value in the request: the element cannot be decided. */
    UNRESOLVED
  }

  private static final int SEGMENTS_BEFORE_RESOURCE = 5;

  private ResourceMatcher() {}

  static Match match(PolicyText pattern, Request request) {
    if (pattern.isAnything()) {
      return Match.MATCH;
    }
    String resource = request.resource();
    int[] raw = pattern.rawTokens();
    int[] colons = request.arnColons();
    if (!startsWithArn(raw) || colons == null) {
      return glob(pattern, raw, 0, raw.length, resource, 0, resource.length(), false, request);
    }
    int start = 0;
    int requestStart = 0;
    for (int segment = 0; segment < SEGMENTS_BEFORE_RESOURCE; segment++) {
      int requestEnd = colons[segment];
      Match head;
      if (start < 0) {
        head = Match.MATCH; // a short pattern: the segments it leaves out are wildcards
      } else {
        int colon = indexOf(raw, ':', start);
        int end = colon < 0 ? raw.length : colon;
        head = glob(pattern, raw, start, end, resource, requestStart, requestEnd, true, request);
        start = colon < 0 ? -1 : colon + 1;
      }
      if (head != Match.MATCH) {
        return head;
      }
      requestStart = requestEnd + 1;
    }
    if (start < 0) {
      return Match.MATCH;
    }
    boolean s3Style =
        resource.startsWith("s3:", colons[1] + 1)
            && colons[2] == colons[1] + 3
            && colons[3] == colons[2] + 1
            && colons[4] == colons[3] + 1;
    int typeEnd = s3Style ? start : resourceTypeEnd(raw, start);
    int length = typeEnd - start;
    if (length > 0
        && (resource.length() - requestStart < length
            || !sameLiteral(raw, start, resource, requestStart, length))) {
      return Match.NO_MATCH;
    }
    return glob(
        pattern,
        raw,
        typeEnd,
        raw.length,
        resource,
        requestStart + length,
        resource.length(),
        false,
        request);
  }

  private static Match glob(
      PolicyText pattern,
      int[] raw,
      int from,
      int to,
      String value,
      int valueFrom,
      int valueTo,
      boolean ignoreCase,
      Request request) {
    if (!pattern.hasVariables()) {
      return PolicyText.matches(
              raw, from, to, value, valueFrom, valueTo, ignoreCase, pattern.hasSymbols())
          ? Match.MATCH
          : Match.NO_MATCH;
    }
    int[] tokens = pattern.substitute(raw, from, to, request.context());
    if (tokens == null) {
      return Match.UNRESOLVED;
    }
    return PolicyText.matches(tokens, 0, tokens.length, value, valueFrom, valueTo, ignoreCase)
        ? Match.MATCH
        : Match.NO_MATCH;
  }

  private static boolean sameLiteral(int[] raw, int from, String text, int textFrom, int length) {
    for (int i = 0; i < length; i++) {
      if (raw[from + i] != text.charAt(textFrom + i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithArn(int[] tokens) {
    return tokens.length >= 4
        && tokens[0] == 'a'
        && tokens[1] == 'r'
        && tokens[2] == 'n'
        && tokens[3] == ':';
  }

  /** The end of the resource type with its separator: {@code role/}, {@code function:}. */
  private static int resourceTypeEnd(int[] raw, int from) {
    for (int i = from; i < raw.length; i++) {
      if (raw[i] == '/' || raw[i] == ':') {
        return i + 1;
      }
    }
    return from;
  }

  private static int indexOf(int[] tokens, char wanted, int from) {
    for (int i = from; i < tokens.length; i++) {
      if (tokens[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
