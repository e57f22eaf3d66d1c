package dev.warden.leastpriv;

import dev.warden.inventory.App;
import dev.warden.inventory.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the template values of an ARN pattern the way the generated policy writes them, so that a
 * role's {@code table/${Audit}} and a need's {@code table/audit} compare: a resource's logical id
 * becomes its name, {@code ${Id.Arn}} its ARN, {@code ${AWS::Partition}} {@code aws}, when these
 * are known before deployment. Other values stay as they are (and match anything when compared).
 */
final class TemplateArns {

  private static final Pattern SYMBOL = Pattern.compile("\\$\\{([^}]+)}");

  private final Map<String, String> values = new HashMap<>();

  TemplateArns(App app) {
    values.put("AWS::Partition", "aws");
    for (Resource resource : app.resources()) {
      if (resource.name().isConcrete() && !resource.name().toString().isEmpty()) {
        values.put(resource.logicalId(), resource.name().toString());
      }
      if (resource.arn().isConcrete()) {
        values.put(resource.logicalId() + ".Arn", resource.arn().toString());
      }
    }
  }

  String concrete(String pattern) {
    Matcher matcher = SYMBOL.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
