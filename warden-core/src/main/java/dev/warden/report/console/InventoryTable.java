package dev.warden.report.console;

import dev.warden.inventory.App;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inventory for people: per app, its entry points, then each function with its role and reach.
 */
public final class InventoryTable {

  private static final int MAX_REACHED_SHOWN = 8;

  public void write(Inventory inventory, Writer out) throws IOException {
    Map<String, List<ServerlessFunction>> sharing = inventory.roleSharing();
    for (App app : inventory.apps()) {
      long publicEntries = app.entryPoints().stream().filter(e -> e.trigger().isPublic()).count();
      out.write(
          app.id()
              + "  ("
              + app.format()
              + ", "
              + plural(app.functions().size(), "function")
              + ", "
              + plural((int) publicEntries, "public entry point")
              + ")\n");
      app.description().ifPresent(d -> write(out, "  " + firstLine(d) + "\n"));
      out.write("\n  ENTRY POINTS\n");
      List<String[]> rows = new ArrayList<>();
      for (App.EntryPoint entry : app.entryPoints()) {
        Trigger t = entry.trigger();
        rows.add(
            new String[] {
              t.isPublic() ? "public" : "internal",
              describe(t),
              "auth: " + t.auth().wireName(),
              "→ " + entry.function().logicalId()
            });
      }
      if (rows.isEmpty()) {
        out.write("    (none)\n");
      }
      Columns.write(out, "    ", rows);
      out.write("\n  FUNCTIONS\n");
      Reachability reach = Reachability.of(app);
      for (ServerlessFunction fn : app.functions()) {
        function(out, fn, reach, sharing.getOrDefault(fn.id(), List.of()));
      }
      out.write("\n");
    }
    out.flush();
  }

  private static void function(
      Writer out, ServerlessFunction fn, Reachability reach, List<ServerlessFunction> sharing)
      throws IOException {
    out.write(
        "    "
            + fn.logicalId()
            + "  "
            + fn.runtime().orElse(fn.packageType().wireName())
            + "  "
            + fn.declaredAt()
            + "\n");
    List<String[]> rows = new ArrayList<>();
    for (Trigger t : fn.triggers()) {
      rows.add(
          new String[] {
            rows.isEmpty() ? "triggers" : "",
            describe(t),
            t.isPublic() ? "public" : "internal",
            "auth: " + t.auth().wireName()
          });
    }
    if (rows.isEmpty()) {
      rows.add(new String[] {"triggers", "(none declared here)", "", ""});
    }
    Columns.write(out, "      ", rows);
    out.write("      role      " + role(fn.role(), sharing) + "\n");
    List<String> reached = new ArrayList<>();
    for (Reachability.Reach target : reach.of(fn)) {
      reached.add(target.logicalId() + " (" + target.type().replace("AWS::", "") + ")");
    }
    if (reached.size() > MAX_REACHED_SHOWN) {
      int more = reached.size() - MAX_REACHED_SHOWN;
      reached = new ArrayList<>(reached.subList(0, MAX_REACHED_SHOWN));
      reached.add("and " + more + " more (--format json lists them)");
    }
    out.write(
        "      reaches   "
            + (reached.isEmpty() ? "(nothing in this app)" : String.join(", ", reached))
            + "\n");
  }

  static String describe(Trigger t) {
    StringBuilder text = new StringBuilder(t.kind().wireName());
    t.route().ifPresent(r -> text.append(' ').append(r));
    if (t.route().isEmpty()) {
      t.sourceResource()
          .or(() -> t.source().map(Object::toString))
          .ifPresent(s -> text.append(' ').append(s));
      String expression = t.details().get("expression");
      if (expression != null) {
        text.append(' ').append(expression);
      }
      if (t.details().containsKey("role")) {
        text.setLength(0);
        text.append(t.kind().wireName())
            .append(' ')
            .append(t.name())
            .append(" of ")
            .append(t.api().orElse("?"));
      }
    }
    return text.toString();
  }

  private static String role(ExecutionRole role, List<ServerlessFunction> sharing) {
    StringBuilder text = new StringBuilder(role.displayName());
    text.append(" (").append(role.origin().wireName());
    if (role.origin() != ExecutionRole.Origin.EXTERNAL) {
      text.append(": ")
          .append(plural(role.managedPolicyArns().size(), "managed policy", "managed policies"));
      long others = role.policies().stream().filter(p -> !p.arn().isPresent()).count();
      text.append(", ").append(plural((int) others, "policy", "policies"));
    }
    text.append(')');
    if (!sharing.isEmpty()) {
      text.append(", shared with ");
      text.append(
          String.join(
              ", ",
              sharing.subList(0, Math.min(10, sharing.size())).stream()
                  .map(ServerlessFunction::logicalId)
                  .toList()));
      if (sharing.size() > 10) {
        text.append(" and ").append(sharing.size() - 10).append(" more");
      }
    }
    return text.toString();
  }

  static String plural(int count, String noun) {
    return plural(count, noun, noun + "s");
  }

  static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
