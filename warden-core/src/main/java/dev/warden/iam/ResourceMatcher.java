package dev.warden.iam;

/**
 * Matches a Resource pattern of a policy against a resource ARN, as AWS does: the partition,
 * service, region and account segments each on their own (a wildcard does not reach past its
 * colon); the resource type (the {@code role/} of {@code role/fn}, the {@code function:} of {@code
 * function:pay}) literally, since AWS does not apply wildcards there; the rest, where {@code *}
 * spans slashes and colons alike. Patterns with fewer than six segments stand for the missing ones
 * with {@code *}. Segments are compared in that order, so a policy variable without a value only
 * makes the match undecidable when everything before it matched.
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
  private static final int[] ANY = {PolicyText.STAR};

  private ResourceMatcher() {}

  static Match match(PolicyText pattern, String resource, RequestContext context) {
    if (pattern.isAnything()) {
      return Match.MATCH;
    }
    int[] raw = pattern.rawTokens();
    if (!startsWithArn(raw) || !resource.startsWith("arn:")) {
      return glob(pattern, raw, resource, context, false);
    }
    String[] request = resource.split(":", SEGMENTS_BEFORE_RESOURCE + 1);
    if (request.length != SEGMENTS_BEFORE_RESOURCE + 1) {
      return Match.NO_MATCH;
    }
    int start = 0;
    for (int segment = 0; segment < SEGMENTS_BEFORE_RESOURCE; segment++) {
      int colon = start < 0 ? -1 : indexOf(raw, ':', start);
      int[] head;
      if (start < 0) {
        head = ANY;
      } else if (colon < 0) {
        // A short pattern: the segments it leaves out are wildcards.
        head = slice(raw, start, raw.length);
        start = -1;
      } else {
        head = slice(raw, start, colon);
        start = colon + 1;
      }
      Match headMatch = glob(pattern, head, request[segment], context, true);
      if (headMatch != Match.MATCH) {
        return headMatch;
      }
    }
    int[] resourcePart = start < 0 ? ANY : slice(raw, start, raw.length);
    String requestPart = request[SEGMENTS_BEFORE_RESOURCE];
    boolean s3Style = request[2].equals("s3") && request[3].isEmpty() && request[4].isEmpty();
    int typeEnd = s3Style ? 0 : resourceTypeEnd(resourcePart);
    for (int i = 0; i < typeEnd; i++) {
      if (i >= requestPart.length() || resourcePart[i] != requestPart.charAt(i)) {
        return Match.NO_MATCH;
      }
    }
    return glob(
        pattern,
        slice(resourcePart, typeEnd, resourcePart.length),
        requestPart.substring(typeEnd),
        context,
        false);
  }

  private static Match glob(
      PolicyText pattern, int[] part, String value, RequestContext context, boolean ignoreCase) {
    int[] tokens = pattern.substitute(part, context);
    if (tokens == null) {
      return Match.UNRESOLVED;
    }
    return PolicyText.matches(tokens, value, ignoreCase) ? Match.MATCH : Match.NO_MATCH;
  }

  private static boolean startsWithArn(int[] tokens) {
    return tokens.length >= 4
        && tokens[0] == 'a'
        && tokens[1] == 'r'
        && tokens[2] == 'n'
        && tokens[3] == ':';
  }

  /** The length of the resource type with its separator: {@code role/}, {@code function:}. */
  private static int resourceTypeEnd(int[] resourcePart) {
    for (int i = 0; i < resourcePart.length; i++) {
      if (resourcePart[i] == '/' || resourcePart[i] == ':') {
        return i + 1;
      }
    }
    return 0;
  }

  private static int indexOf(int[] tokens, char wanted, int from) {
    for (int i = from; i < tokens.length; i++) {
      if (tokens[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int[] slice(int[] tokens, int from, int to) {
    int[] part = new int[to - from];
    System.arraycopy(tokens, from, part, 0, part.length);
    return part;
  }
}
