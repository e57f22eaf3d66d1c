package dev.warden.inventory;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One way a function gets invoked. Loaders map every event source onto a kind; sources Warden does
 * not model yet become {@link TriggerKind#OTHER}, never dropped.
 *
 * @param name the event's name in its definition (a SAM event key, a resource logical id)
 * @param isPublic true when a party outside the account can cause the invocation with input it
 *     controls (an internet-facing API, a function URL, a bucket or queue that anybody may write
 *     to)
 * @param route method and path, for HTTP triggers
 * @param api logical id of the API the route belongs to
 * @param authorizer name of the authorizer that checks callers, when there is one
 * @param source the event source (bucket, queue, stream, topic, rule…) as an ARN or name
 * @param sourceResource logical id of the event source when it is declared in the same app
 * @param details further settings worth showing (schedule expression, event pattern, skill id…),
 *     sorted by key
 */
public record Trigger(
    TriggerKind kind,
    String name,
    boolean isPublic,
    Auth auth,
    Optional<HttpRoute> route,
    Optional<String> api,
    Optional<String> authorizer,
    Optional<SymbolicText> source,
    Optional<String> sourceResource,
    Map<String, String> details,
    SourceLocation at) {

  public Trigger {
    details = Collections.unmodifiableMap(new TreeMap<>(details));
  }

  /** A trigger that only the event source's service can fire (auth {@code iam}). */
  public static Trigger ofSource(
      TriggerKind kind,
      String name,
      Optional<SymbolicText> source,
      Optional<String> sourceResource,
      Map<String, String> details,
      SourceLocation at) {
    return new Trigger(
        kind,
        name,
        false,
        Auth.IAM,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        source,
        sourceResource,
        details,
        at);
  }

  public Trigger withPublic(boolean value) {
    return new Trigger(
        kind, name, value, auth, route, api, authorizer, source, sourceResource, details, at);
  }
}
