package dev.warden.report.console;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Left-aligned text columns, as wide as their widest cell. */
final class Columns {
  private Columns() {}

  static void write(Writer out, String indent, List<String[]> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.write(line.toString().stripTrailing());
      out.write('\n');
    }
  }
}
