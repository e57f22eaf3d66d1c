package dev.warden.leastpriv;

import dev.warden.inventory.SymbolicText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The value templates of the SDK table (iam-dataset's notation): {@code ${Param}} is a call
 * parameter; {@code %%regex%${QueueUrl}%/^.+\/(.+?)$/g%%} the first group of a regex applied to a
 * parameter ({@code https://sqs…/123/orders} gives {@code orders}); {@code %%iftruthy%${P}%A%B%%}
 * is A when the call passes P, else B. A parameter's value may hold template values ({@code
 * ${Queue.QueueName}}): the regex runs on its written form and they come back as symbols. A
 * parameter the call does not pass makes the whole template unknown.
 */
final class SdkTemplates {

  private static final Pattern PART =
      Pattern.compile(
          "%%regex%\\$\\{([^}]+)}%/(.*?)/g%%|%%iftruthy%\\$\\{([^}]+)}%(.*?)%(.*?)%%|\\$\\{([^}]+)}");
  private static final Pattern SYMBOL = Pattern.compile("\\$\\{([^}]+)}");

  private SdkTemplates() {}

  /**
   * The template's value, given each parameter's value; {@code fixed} names the ARN parts that are
   * not parameters ({@code Partition}, {@code Region}, {@code Account}).
   */
  static Optional<SymbolicText> apply(
      String template,
      Function<String, Optional<SymbolicText>> parameter,
      Function<String, Optional<SymbolicText>> fixed) {
    List<SymbolicText> parts = new ArrayList<>();
    Matcher matcher = PART.matcher(template);
    int last = 0;
    while (matcher.find()) {
      parts.add(SymbolicText.of(template.substring(last, matcher.start())));
      Optional<SymbolicText> value;
      if (matcher.group(1) != null) {
        value = parameter.apply(matcher.group(1)).flatMap(v -> regex(v, matcher.group(2)));
      } else if (matcher.group(3) != null) {
        boolean given = parameter.apply(matcher.group(3)).isPresent();
        String chosen = given ? matcher.group(4) : matcher.group(5);
        value =
            chosen.contains("${")
                ? apply(chosen, parameter, fixed)
                : Optional.of(SymbolicText.of(chosen));
      } else {
        String name = matcher.group(6);
        value = fixed.apply(name).or(() -> parameter.apply(name));
      }
      if (value.isEmpty()) {
        return Optional.empty();
      }
      parts.add(value.get());
      last = matcher.end();
    }
    parts.add(SymbolicText.of(template.substring(last)));
    return Optional.of(SymbolicText.concat(parts));
  }

  /** The first group of the regex in the value's written form (the whole match without groups). */
  private static Optional<SymbolicText> regex(SymbolicText value, String regex) {
    try {
      Matcher matcher = Pattern.compile(regex).matcher(value.toString());
      if (!matcher.find()) {
        return Optional.empty();
      }
      String found =
          matcher.groupCount() >= 1 && matcher.group(1) != null
              ? matcher.group(1)
              : matcher.group();
      return Optional.of(symbolic(found));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /** {@code acme-${Stage}} with its template values as symbols again. */
  static SymbolicText symbolic(String text) {
    List<SymbolicText.Part> parts = new ArrayList<>();
    Matcher matcher = SYMBOL.matcher(text);
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > last) {
        parts.add(new SymbolicText.Literal(text.substring(last, matcher.start())));
      }
      parts.add(new SymbolicText.Symbol(matcher.group(1)));
      last = matcher.end();
    }
    if (last < text.length()) {
      parts.add(new SymbolicText.Literal(text.substring(last)));
    }
    return SymbolicText.ofParts(parts);
  }
}
