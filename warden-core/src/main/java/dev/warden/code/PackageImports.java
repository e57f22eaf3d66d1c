package dev.warden.code;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The third-party modules a source file imports, by their top-level name: Python's {@code import
 * yaml, requests.adapters} and {@code from jwt import decode} ({@code yaml}, {@code requests},
 * {@code jwt}); JavaScript's {@code require('lodash/fp')}, {@code import x from
 * '@aws-sdk/client-s3'} and {@code import('qs')} ({@code lodash}, {@code @aws-sdk/client-s3},
 * {@code qs}). Relative imports and Node's {@code node:} built-ins are left out. Whether a
 * vulnerable package is reachable from the handler is read from these names.
 */
public final class PackageImports {

  private static final Pattern PY_IMPORT =
      Pattern.compile("^[ \\t]*import[ \\t]+([\\w. \\t,]+)", Pattern.MULTILINE);
  private static final Pattern PY_FROM =
      Pattern.compile("^[ \\t]*from[ \\t]+([\\w][\\w.]*)[ \\t]+import\\b", Pattern.MULTILINE);
  private static final Pattern JS_IMPORT =
      Pattern.compile(
          "(?:\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*|\\bfrom\\s+|\\bimport\\s+)"
              + "[\"']([^\"'./][^\"']*)[\"']");
  private static final Pattern COMMA = Pattern.compile(",");

  private PackageImports() {}

  public static Set<String> python(String source) {
    Set<String> names = new LinkedHashSet<>();
    Matcher imports = PY_IMPORT.matcher(source);
    while (imports.find()) {
      for (String part : COMMA.split(imports.group(1), -1)) {
        String module = part.strip();
        int space = module.indexOf(' ');
        if (space > 0) {
          module = module.substring(0, space); // import x as y
        }
        addTopLevel(names, module);
      }
    }
    Matcher from = PY_FROM.matcher(source);
    while (from.find()) {
      addTopLevel(names, from.group(1));
    }
    return names;
  }

  public static Set<String> javascript(String source) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = JS_IMPORT.matcher(source);
    while (matcher.find()) {
      String specifier = matcher.group(1);
      if (specifier.startsWith("node:")) {
        continue;
      }
      int slash = specifier.indexOf('/');
      if (specifier.startsWith("@") && slash > 0) {
        slash = specifier.indexOf('/', slash + 1);
      }
      names.add(slash < 0 ? specifier : specifier.substring(0, slash));
    }
    return names;
  }

  private static void addTopLevel(Set<String> names, String module) {
    int dot = module.indexOf('.');
    String top = dot < 0 ? module : module.substring(0, dot);
    if (!top.isEmpty()) {
      names.add(top);
    }
  }
}
