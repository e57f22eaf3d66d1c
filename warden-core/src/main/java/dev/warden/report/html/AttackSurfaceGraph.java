package dev.warden.report.html;

import dev.warden.iam.azure.AzureRoles;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.scan.ScanResult;
import dev.warden.score.RiskLevel;
import dev.warden.score.RiskScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attack-surface graph as SVG, in three columns: entry points (public unauthenticated ones red,
 * other public ones orange, internal grey), functions coloured by risk level, and the resources
 * each function reaches. A graph of more than {@link #MAX_FUNCTIONS} functions shows the riskiest
 * ones and says so. Functions of several clouds are drawn side by side in one band per cloud (AWS,
 * Azure, Google Cloud), each node tagged with its cloud; an Azure or Google Cloud function's
 * resource column shows the scopes its identity's role grants reach.
 */
final class AttackSurfaceGraph {

  static final int MAX_FUNCTIONS = 60;

  private static final int ROW = 26;
  private static final int WIDTH = 1100;
  private static final int[] COLUMN_X = {10, 400, 790};
  private static final int BOX = 300;

  private record Node(String id, String label, String css, int column, int row, Cloud cloud) {}

  /** The band of one cloud: its heading's row. */
  private record Lane(int row, Cloud cloud) {}

  private record Edge(String from, String to, String css) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final int[] rows = new int[3];
  private final List<Lane> lanes = new ArrayList<>();
  private Cloud current = Cloud.AWS;

  static String render(ScanResult result) {
    return new AttackSurfaceGraph().build(result);
  }

  private String build(ScanResult result) {
    List<ServerlessFunction> functions = result.functionsByRisk();
    int shown = Math.min(MAX_FUNCTIONS, functions.size());
    Map<String, App> appOf = new LinkedHashMap<>();
    for (App app : result.inventory().apps()) {
      for (ServerlessFunction function : app.functions()) {
        appOf.put(function.id(), app);
      }
    }
    Map<String, Reachability> reach = new LinkedHashMap<>();
    List<ServerlessFunction> drawn = new ArrayList<>(functions.subList(0, shown));
    drawn.sort(Comparator.comparing(ServerlessFunction::cloud)); // stable: by risk in each cloud
    boolean severalClouds = drawn.stream().map(ServerlessFunction::cloud).distinct().count() > 1;
    for (ServerlessFunction function : drawn) {
      if (severalClouds && (lanes.isEmpty() || current != function.cloud())) {
        int row = Math.max(rows[0], Math.max(rows[1], rows[2]));
        java.util.Arrays.fill(rows, row + 1);
        lanes.add(new Lane(row, function.cloud()));
      }
      current = function.cloud();
      App app = appOf.get(function.id());
      RiskScore score = result.score(function);
      String fnId = "f:" + function.id();
      add(fnId, function.logicalId() + " (" + score.score() + ")", "fn " + level(score.level()), 1);
      for (Trigger trigger : function.triggers()) {
        String label =
            trigger
                .route()
                .map(Object::toString)
                .orElse(trigger.kind().wireName() + " " + trigger.name());
        String css =
            !trigger.isPublic()
                ? "entry internal"
                : trigger.auth() == Auth.NONE ? "entry open" : "entry public";
        String id = "t:" + function.id() + ":" + label;
        add(id, label, css, 0);
        edges.add(new Edge(id, fnId, css.replace("entry ", "edge ")));
      }
      if (function.cloud() != Cloud.AWS) {
        // what an Azure or Google Cloud identity reaches: the scopes of its role grants
        for (RoleGrant grant : function.identity().map(CloudIdentity::grants).orElse(List.of())) {
          String id = "g:" + function.id() + ":" + grant.role() + "@" + grant.scope();
          add(id, roleName(grant) + " on " + grant.scope(), "resource", 2);
          edges.add(new Edge(fnId, id, "edge reach"));
        }
        continue;
      }
      Reachability reachability = reach.computeIfAbsent(app.id(), k -> Reachability.of(app));
      for (Reachability.Reach target : reachability.named(function)) {
        String id = "r:" + app.id() + "#" + target.logicalId();
        add(id, target.logicalId(), "resource", 2);
        edges.add(new Edge(fnId, id, "edge reach"));
      }
    }
    int height = Math.max(rows[0], Math.max(rows[1], rows[2])) * ROW + 60;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"attack-surface\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Attack surface: entry"
                + " points, functions and the resources they reach\">%n",
            WIDTH,
            height,
            WIDTH,
            height));
    String[] headings = {"Entry points", "Functions (risk score)", "Resources they reach"};
    for (int c = 0; c < 3; c++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"heading\" x=\"%d\" y=\"18\">%s</text>%n",
              COLUMN_X[c],
              headings[c]));
    }
    for (Lane lane : lanes) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lane\" data-cloud=\"%s\" x=\"10\" y=\"%d\">%s</text>%n",
              lane.cloud().wireName(),
              30 + lane.row() * ROW + 13,
              CLOUD_NAMES.get(lane.cloud())));
    }
    for (Edge edge : edges) {
      Node from = nodes.get(edge.from());
      Node to = nodes.get(edge.to());
      int x1 = COLUMN_X[from.column()] + BOX;
      int y1 = y(from) + 9;
      int x2 = COLUMN_X[to.column()];
      int y2 = y(to) + 9;
      int mid = (x1 + x2) / 2;
      svg.append(
          String.format(
              Locale.ROOT,
              "<path class=\"%s\" d=\"M%d %d C%d %d %d %d %d %d\"/>%n",
              edge.css(),
              x1,
              y1,
              mid,
              y1,
              mid,
              y2,
              x2,
              y2));
    }
    for (Node node : nodes.values()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<g class=\"node %s\" data-cloud=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\""
                  + " height=\"18\" rx=\"4\"/><text x=\"%d\" y=\"%d\">%s</text><title>%s</title></g>%n",
              node.css(),
              node.cloud().wireName(),
              COLUMN_X[node.column()],
              y(node),
              BOX,
              COLUMN_X[node.column()] + 6,
              y(node) + 13,
              Html.escape(shorten(node.label())),
              Html.escape(node.label())));
    }
    if (functions.size() > shown) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"note\" x=\"10\" y=\"%d\">The %d riskiest of %d functions are drawn.</text>%n",
              height - 10,
              shown,
              functions.size()));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void add(String id, String label, String css, int column) {
    nodes.computeIfAbsent(id, k -> new Node(id, label, css, column, rows[column]++, current));
  }

  private static int y(Node node) {
    return 30 + node.row() * ROW;
  }

  private static String shorten(String label) {
    return label.length() > 44 ? label.substring(0, 43) + "…" : label;
  }

  private static final Map<Cloud, String> CLOUD_NAMES =
      Map.of(Cloud.AWS, "AWS", Cloud.AZURE, "Azure", Cloud.GCP, "Google Cloud");

  /** An Azure role's name from the bundled catalog; Google Cloud roles are named by their id. */
  private static String roleName(RoleGrant grant) {
    return AzureRoles.bundled()
        .find(grant.role())
        .map(AzureRoles.Role::name)
        .filter(n -> !grant.role().startsWith("roles/"))
        .orElse(grant.role());
  }

  static String level(RiskLevel level) {
    return "risk-" + level.wireName();
  }
}
