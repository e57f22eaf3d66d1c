package dev.warden.inventory.azure;

import dev.warden.inventory.Auth;
import dev.warden.inventory.HttpRoute;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Functions trigger bindings, however they were written ({@code function.json}, a decorator,
 * an attribute, an ARM or Terraform {@code config}), as inventory triggers. An HTTP trigger's
 * {@code authLevel}: {@code anonymous} is no authentication; {@code function} and {@code admin} are
 * shared keys ({@link Auth#FUNCTION_KEY}); unset means {@code function}.
 */
public final class AzureBindings {

  /** A trigger binding as written: its type and settings (names lower-cased). */
  public record Binding(String type, Map<String, String> settings, SourceLocation at) {
    public Binding {
      Map<String, String> lower = new LinkedHashMap<>();
      settings.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
      settings = lower;
    }

    Optional<String> get(String key) {
      return Optional.ofNullable(settings.get(key.toLowerCase(Locale.ROOT)));
    }
  }

  private AzureBindings() {}

  /** True for the type of a trigger binding ({@code httpTrigger}, {@code blobTrigger}…). */
  public static boolean isTrigger(String type) {
    return type.toLowerCase(Locale.ROOT).endsWith("trigger");
  }

  /**
   * The trigger, for function {@code name}.
   *
   * @param reachable false when the app takes no traffic from the internet (public network access
   *     disabled): its HTTP triggers are then not public
   */
  public static Trigger trigger(String name, Binding binding, boolean reachable) {
    String type = binding.type().toLowerCase(Locale.ROOT);
    Map<String, String> details = new LinkedHashMap<>();
    if (type.equals("httptrigger")) {
      String level = binding.get("authLevel").orElse("function").toLowerCase(Locale.ROOT);
      details.put("authLevel", level);
      Auth auth = level.equals("anonymous") ? Auth.NONE : Auth.FUNCTION_KEY;
      String route = binding.get("route").orElse(name);
      List<String> methods =
          binding.get("methods").map(m -> List.of(m.split(",", -1))).orElse(List.of("ANY"));
      String method = methods.size() == 1 ? methods.get(0).trim().toUpperCase(Locale.ROOT) : "ANY";
      if (methods.size() > 1) {
        details.put("methods", String.join(",", methods).toUpperCase(Locale.ROOT));
      }
      return new Trigger(
          TriggerKind.HTTP,
          name,
          reachable,
          auth,
          Optional.of(new HttpRoute(method, "/api/" + route.replaceFirst("^/", ""))),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          details,
          binding.at());
    }
    TriggerKind kind =
        switch (type) {
          case "timertrigger" -> TriggerKind.SCHEDULE;
          case "blobtrigger" -> TriggerKind.BLOB;
          case "queuetrigger" -> TriggerKind.QUEUE;
          case "servicebustrigger" -> TriggerKind.SERVICE_BUS;
          case "eventgridtrigger" -> TriggerKind.EVENT_GRID;
          case "eventhubtrigger", "iothubtrigger" -> TriggerKind.EVENT_HUB;
          case "cosmosdbtrigger" -> TriggerKind.COSMOSDB;
          case "kafkatrigger" -> TriggerKind.KAFKA;
          default -> TriggerKind.OTHER;
        };
    Optional<String> source =
        binding
            .get("path")
            .or(() -> binding.get("queueName"))
            .or(() -> binding.get("topicName"))
            .or(() -> binding.get("eventHubName"))
            .or(() -> binding.get("containerName"))
            .or(() -> binding.get("collectionName"))
            .or(() -> binding.get("topic"));
    binding.get("schedule").ifPresent(s -> details.put("schedule", s));
    binding.get("connection").ifPresent(c -> details.put("connection", c));
    if (kind == TriggerKind.OTHER) {
      details.put("type", binding.type());
    }
    return Trigger.ofSource(
        kind, name, source.map(SymbolicText::of), Optional.empty(), details, binding.at());
  }

  /**
   * The triggers of an app with App Service authentication on: anonymous HTTP triggers are checked
   * by the platform before the function runs.
   */
  public static List<Trigger> behindBuiltInAuth(List<Trigger> triggers) {
    List<Trigger> checked = new java.util.ArrayList<>();
    for (Trigger t : triggers) {
      checked.add(
          t.auth() == Auth.NONE
              ? new Trigger(
                  t.kind(),
                  t.name(),
                  t.isPublic(),
                  Auth.PLATFORM,
                  t.route(),
                  t.api(),
                  t.authorizer(),
                  t.source(),
                  t.sourceResource(),
                  t.details(),
                  t.at())
              : t);
    }
    return checked;
  }
}
