package dev.warden.code;

import dev.warden.inventory.SourceLocation;
import java.util.Map;
import java.util.TreeMap;

/**
 * One AWS SDK call found in a function's code: the operation, where it is, and the arguments that
 * may name its resource, by parameter name ({@code TableName}, {@code Bucket}, {@code QueueUrl}). A
 * call on a resource object ({@code Table(name).put_item}) carries the object's identifier under
 * the parameter name the operation uses.
 */
public record CodeCall(SdkCall call, SourceLocation at, Map<String, ArgValue> arguments) {
  public CodeCall {
    arguments = java.util.Collections.unmodifiableMap(new TreeMap<>(arguments));
  }
}
