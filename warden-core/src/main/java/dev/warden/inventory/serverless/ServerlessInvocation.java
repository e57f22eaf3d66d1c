package dev.warden.inventory.serverless;

import static dev.warden.inventory.serverless.Tree.getAtt;
import static dev.warden.inventory.serverless.Tree.obj;
import static dev.warden.inventory.serverless.Tree.seq;
import static dev.warden.inventory.serverless.Tree.str;

import dev.warden.inventory.Value;
import java.util.List;
import java.util.Optional;

/**
 * How a function is invoked beyond its events: its function URL ({@code url}), where asynchronous
 * results and failures go ({@code destinations}, {@code onError}) and how often a failed event is
 * retried.
 */
final class ServerlessInvocation {

  private ServerlessInvocation() {}

  static void configure(Value.Obj function, Tree.Builder p) {
    function.get("url").ifPresent(url -> url(url).ifPresent(u -> p.put("FunctionUrlConfig", u)));
    Tree.Builder invoke = obj(function.at());
    function
        .obj("destinations")
        .ifPresent(
            destinations -> {
              Tree.Builder config = obj(destinations.at());
              destinations.get("onSuccess").ifPresent(d -> config.put("OnSuccess", destination(d)));
              destinations.get("onFailure").ifPresent(d -> config.put("OnFailure", destination(d)));
              invoke.put("DestinationConfig", config.build());
            });
    function.get("maximumRetryAttempts").ifPresent(r -> invoke.put("MaximumRetryAttempts", r));
    function.get("maximumEventAge").ifPresent(a -> invoke.put("MaximumEventAgeInSeconds", a));
    if (!invoke.isEmpty()) {
      p.put("EventInvokeConfig", invoke.build());
    }
    function
        .get("onError")
        .ifPresent(
            target ->
                p.put(
                    "DeadLetterQueue",
                    obj(target.at())
                        .put(
                            "Type",
                            Tree.text(Optional.of(target), "").contains(":sqs:") ? "SQS" : "SNS")
                        .put("TargetArn", target)
                        .build()));
  }

  /** {@code url: true} or {@code url: {authorizer: aws_iam, cors: …}}. */
  private static Optional<Value> url(Value url) {
    if (url.asBoolean().map(b -> !b).orElse(false)) {
      return Optional.empty();
    }
    Tree.Builder config = obj(url.at());
    String auth = "NONE";
    if (url instanceof Value.Obj spec) {
      auth =
          spec.get("authorizer")
              .flatMap(Value::asString)
              .filter(a -> a.equalsIgnoreCase("aws_iam"))
              .map(a -> "AWS_IAM")
              .orElse("NONE");
      Optional<Value> cors = spec.get("cors");
      if (cors.isPresent() && !cors.get().asBoolean().map(b -> !b).orElse(false)) {
        Tree.Builder c = obj(cors.get().at());
        if (cors.get() instanceof Value.Obj settings) {
          c.put(
              "AllowOrigins",
              settings
                  .get("allowedOrigins")
                  .orElse(seq(cors.get().at(), List.of(str("*", cors.get().at())))));
          settings.get("allowCredentials").ifPresent(a -> c.put("AllowCredentials", a));
        } else {
          c.put("AllowOrigins", seq(cors.get().at(), List.of(str("*", cors.get().at()))));
        }
        config.put("Cors", c.build());
      }
    }
    config.put("AuthType", str(auth, url.at()));
    return Optional.of(config.build());
  }

  /** A destination: an ARN (its service from the ARN), or a function of this service by name. */
  private static Value destination(Value target) {
    Value destination = target;
    String type = "Lambda";
    Optional<String> text = target.asString();
    if (target instanceof Value.Obj spec && spec.has("arn")) {
      destination = spec.get("arn").orElseThrow();
      type = spec.get("type").flatMap(Value::asString).orElse(typeOf(destination));
    } else if (text.isPresent() && !text.get().startsWith("arn:")) {
      destination = getAtt(ServerlessCompiler.logicalIdOf(text.get()), "Arn", target.at());
    } else {
      type = typeOf(target);
    }
    return obj(target.at())
        .put("Type", str(type, target.at()))
        .put("Destination", destination)
        .build();
  }

  private static String typeOf(Value arn) {
    String text = arn.asText().map(Object::toString).orElse("");
    if (text.contains(":sqs:")) {
      return "SQS";
    }
    if (text.contains(":sns:")) {
      return "SNS";
    }
    if (text.contains(":events:")) {
      return "EventBridge";
    }
    return "Lambda";
  }
}
