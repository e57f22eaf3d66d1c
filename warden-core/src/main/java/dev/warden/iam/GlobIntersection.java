package dev.warden.iam;

/**
 * Whether two wildcard patterns ({@code *} any run, {@code ?} one character) can match a common
 * string: {@code arn:aws:s3:::orders/*} and {@code arn:*:s3:::*}{@code /*} can, {@code
 * arn:aws:s3:::orders} and {@code arn:*:s3:::*}{@code /*} cannot. Dynamic programming over the two
 * patterns, O(length × length).
 */
final class GlobIntersection {

  private GlobIntersection() {}

  /**
   * True when a Resource pattern can name a resource of an ARN format of the catalog ({@code
   * arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}}): segment by segment, so that a
   * wildcard of one segment cannot stand in for the next. Policy variables and template values in
   * the pattern, and the placeholders of the format, stand for anything.
   */
  static boolean arnCanBe(String pattern, String format) {
    String[] wanted = placeholdersToStars(pattern).split(":", 6);
    String[] shape = placeholdersToStars(format).split(":", 6);
    if (shape.length != 6) {
      return intersects(placeholdersToStars(pattern), placeholdersToStars(format));
    }
    for (int i = 0; i < 6; i++) {
      String part = i < wanted.length ? wanted[i] : "*";
      if (i == wanted.length - 1 && wanted.length < 6 && part.endsWith("*")) {
        return true; // a trailing star of a short pattern spans the segments it leaves out
      }
      if (!intersects(part, shape[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when two ARN patterns can name a common resource, segment by segment for the five colons
   * of the ARN prefix, so that a region wildcard cannot stand in for the resource part.
   */
  static boolean arnsIntersect(String a, String b) {
    String[] left = a.split(":", 6);
    String[] right = b.split(":", 6);
    if (left.length != 6 || right.length != 6) {
      return intersects(a, b);
    }
    for (int i = 0; i < 6; i++) {
      if (!intersects(left[i], right[i])) {
        return false;
      }
    }
    return true;
  }

  private static String placeholdersToStars(String text) {
    return text.replaceAll("\\$\\{[^}]*}", "*");
  }

  static boolean intersects(String a, String b) {
    int n = a.length();
    int m = b.length();
    // reach[i][j]: the prefixes a[0, i) and b[0, j) can match a common string.
    boolean[][] reach = new boolean[n + 1][m + 1];
    reach[0][0] = true;
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= m; j++) {
        if (!reach[i][j]) {
          continue;
        }
        boolean starA = i < n && a.charAt(i) == '*';
        boolean starB = j < m && b.charAt(j) == '*';
        if (starA) {
          reach[i + 1][j] = true; // the star of a matches nothing more
        }
        if (starB) {
          reach[i][j + 1] = true;
        }
        if (i < n && j < m) {
          char ca = a.charAt(i);
          char cb = b.charAt(j);
          if (starA && starB) {
            reach[i][j + 1] = true;
            reach[i + 1][j] = true;
          } else if (starA) {
            reach[i][j + 1] = true; // the star of a eats one character of b
          } else if (starB) {
            reach[i + 1][j] = true;
          } else if (ca == cb || ca == '?' || cb == '?') {
            reach[i + 1][j + 1] = true;
          }
        }
      }
    }
    return reach[n][m];
  }
}
