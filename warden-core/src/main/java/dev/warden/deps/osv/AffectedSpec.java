package dev.warden.deps.osv;

import java.util.ArrayList;
import java.util.List;

/**
 * One affected entry of an advisory as the index keeps it beside the package: a line per range
 * ({@code R ECOSYSTEM introduced=0 fixed=1.4.2}) and per listed version ({@code V 1.4.1}). OSV
 * versions hold neither spaces nor line breaks, so the text reads back without a JSON parser —
 * matching reads thousands of these.
 */
final class AffectedSpec {

  private AffectedSpec() {}

  static String write(Advisory.Affected entry) {
    StringBuilder out = new StringBuilder();
    for (Advisory.Range range : entry.ranges()) {
      out.append("R ").append(clean(range.type()));
      for (Advisory.Event event : range.events()) {
        out.append(' ').append(event.kind()).append('=').append(clean(event.version()));
      }
      out.append('\n');
    }
    for (String version : entry.versions()) {
      out.append("V ").append(clean(version)).append('\n');
    }
    return out.toString();
  }

  static Advisory.Affected read(String ecosystem, String name, String spec) {
    List<Advisory.Range> ranges = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    int start = 0;
    while (start < spec.length()) {
      int end = spec.indexOf('\n', start);
      if (end < 0) {
        end = spec.length();
      }
      String line = spec.substring(start, end);
      start = end + 1;
      if (line.startsWith("V ")) {
        versions.add(line.substring(2));
      } else if (line.startsWith("R ")) {
        List<Advisory.Event> events = new ArrayList<>();
        int at = line.indexOf(' ', 2);
        String type = at < 0 ? line.substring(2) : line.substring(2, at);
        while (at >= 0) {
          int next = line.indexOf(' ', at + 1);
          String event = next < 0 ? line.substring(at + 1) : line.substring(at + 1, next);
          int equals = event.indexOf('=');
          if (equals > 0) {
            events.add(new Advisory.Event(event.substring(0, equals), event.substring(equals + 1)));
          }
          at = next;
        }
        ranges.add(new Advisory.Range(type, events));
      }
    }
    return new Advisory.Affected(ecosystem, name, ranges, versions);
  }

  /** A version with a space or a line break would break the lines: such are replaced by '_'. */
  private static String clean(String text) {
    return text.replace(' ', '_').replace('\n', '_');
  }
}
