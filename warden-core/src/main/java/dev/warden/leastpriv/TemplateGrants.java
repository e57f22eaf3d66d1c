package dev.warden.leastpriv;

import dev.warden.iam.Effect;
import dev.warden.iam.PolicyParser;
import dev.warden.iam.PolicyText;
import dev.warden.iam.PolicyType;
import dev.warden.iam.Statement;
import dev.warden.inventory.Policy;
import dev.warden.inventory.PolicyKind;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SymbolicText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a function's SAM policy templates say about the resources it uses: {@code S3ReadPolicy:
 * {BucketName: !Ref Uploads}} is the author telling which bucket the code reads, so when the code
 * does not tell (the bucket name comes from the event), the bucket of the template fills the ARN
 * instead of a wildcard. Only policy templates count: they are scoped by their parameters, unlike
 * hand-written statements that may say {@code *}.
 */
final class TemplateGrants {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

  private static final String HIDDEN = "\u0001";
  private static final Pattern TEMPLATE_VALUE = Pattern.compile("\\$\\{[^}]*}");

  private final List<Statement> statements = new ArrayList<>();

  TemplateGrants(ServerlessFunction function) {
    for (Policy policy : function.role().policies()) {
      if (policy.kind() == PolicyKind.SAM_TEMPLATE) {
        statements.addAll(
            PolicyParser.parse(policy.document(), PolicyType.IDENTITY).document().statements());
      }
    }
  }

  /**
   * For each resource a policy template allows {@code action} on, the values it gives the
   * placeholders of the catalog's ARN {@code format} ({@code BucketName} → {@code acme-uploads}).
   * Values with wildcards or policy variables are left out.
   */
  List<Map<String, SymbolicText>> values(String action, String format) {
    int colon = action.indexOf(':');
    String service = action.substring(0, colon).toLowerCase(Locale.ROOT);
    String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
    Pattern shape = shape(format);
    List<String> names = new ArrayList<>();
    Matcher placeholders = PLACEHOLDER.matcher(format);
    while (placeholders.find()) {
      names.add(placeholders.group(1));
    }
    List<Map<String, SymbolicText>> found = new ArrayList<>();
    for (Statement statement : statements) {
      if (statement.effect() != Effect.ALLOW
          || statement.notResource()
          || !statement.appliesToAction(service, name)) {
        continue;
      }
      for (PolicyText resource : statement.resources()) {
        // Template values keep their "::" out of the way of the ARN's colons while matching.
        String text =
            TEMPLATE_VALUE
                .matcher(resource.text().replace("${AWS::Partition}", "aws"))
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replace("::", HIDDEN)));
        Matcher matcher = shape.matcher(text);
        if (!matcher.matches()) {
          continue;
        }
        Map<String, SymbolicText> values = new LinkedHashMap<>();
        for (String placeholder : names) {
          String value = matcher.group(placeholder).replace(HIDDEN, "::");
          if (!value.contains("*") && !value.contains("?") && !value.contains("${aws:")) {
            values.put(placeholder, SdkTemplates.symbolic(value));
          }
        }
        if (!found.contains(values)) {
          found.add(values);
        }
      }
    }
    return found;
  }

  /** The format as a regex: each placeholder a named group that stops at the next literal. */
  private static Pattern shape(String format) {
    StringBuilder regex = new StringBuilder();
    java.util.Set<String> named = new java.util.HashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(format);
    int last = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(format.substring(last, matcher.start())));
      boolean lastPart = matcher.end() == format.length();
      char next = lastPart ? 0 : format.charAt(matcher.end());
      String group =
          lastPart ? ".*" : "[^" + (Character.isLetterOrDigit(next) ? "" : "\\") + next + "]*";
      regex
          .append(named.add(matcher.group(1)) ? "(?<" + matcher.group(1) + ">" : "(?:")
          .append(group)
          .append(")");
      last = matcher.end();
    }
    regex.append(Pattern.quote(format.substring(last)));
    return Pattern.compile(regex.toString());
  }
}
