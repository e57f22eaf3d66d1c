package dev.warden.inventory.sam;

import dev.warden.inventory.SymbolicText;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of one template, and the lookup from a reference (a name, an ARN, a qualified ARN,
 * an API integration URI) to the function it names.
 */
final class Functions {
  private final Map<String, FunctionDraft> byLogicalId = new LinkedHashMap<>();
  private final Map<String, FunctionDraft> byRenderedName = new HashMap<>();

  void add(FunctionDraft draft) {
    byLogicalId.put(draft.logicalId(), draft);
    byRenderedName.putIfAbsent(draft.name.toString(), draft);
  }

  Collection<FunctionDraft> all() {
    return byLogicalId.values();
  }

  Optional<FunctionDraft> byLogicalId(String logicalId) {
    return Optional.ofNullable(byLogicalId.get(logicalId));
  }

  /**
   * The function a reference names: {@code ${Fn}}, {@code ${Fn.Arn}}, a function name, a function
   * ARN with or without qualifier, or an API Gateway integration URI that wraps one.
   */
  Optional<FunctionDraft> find(SymbolicText reference) {
    for (String symbol : reference.symbols()) {
      int dot = symbol.indexOf('.');
      FunctionDraft draft = byLogicalId.get(dot < 0 ? symbol : symbol.substring(0, dot));
      if (draft != null) {
        return Optional.of(draft);
      }
    }
    String rendered = reference.toString();
    int functions = rendered.indexOf("/functions/");
    if (functions >= 0) {
      int end = rendered.indexOf("/invocations", functions);
      rendered =
          rendered.substring(functions + "/functions/".length(), end < 0 ? rendered.length() : end);
    }
    String name = rendered;
    int marker = rendered.indexOf(":function:");
    if (marker >= 0) {
      name = rendered.substring(marker + ":function:".length());
    }
    FunctionDraft exact = byRenderedName.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    // A qualifier (":live", ":3") follows the name; names themselves hold no colon.
    int colon = lastColonOutsideSymbols(name);
    if (colon > 0) {
      return Optional.ofNullable(byRenderedName.get(name.substring(0, colon)));
    }
    return Optional.empty();
  }

  private static int lastColonOutsideSymbols(String text) {
    int depth = 0;
    int found = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' && i > 0 && text.charAt(i - 1) == '$') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        found = i;
      }
    }
    return found;
  }

  /**
   * True when the text mentions this function's name or ARN anywhere (state machine definitions).
   */
  static boolean mentions(String text, FunctionDraft draft) {
    String arn = draft.arn.toString();
    if (text.contains(arn)) {
      return true;
    }
    String name = draft.name.toString();
    return name.startsWith("${") ? text.contains(name) : text.contains(":function:" + name);
  }
}
