package dev.warden.iam;

/**
 * Whether two wildcard patterns ({@code *} any run, {@code ?} one character) can match a common
 * string: {@code arn:aws:s3:::orders/*} and {@code arn:*:s3:::*}{@code /*} can, {@code
 * arn:aws:s3:::orders} and {@code arn:*:s3:::*}{@code /*} cannot. Dynamic programming over the two
 * patterns, O(length × length).
 */
final class GlobIntersection {

  private GlobIntersection() {}

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
