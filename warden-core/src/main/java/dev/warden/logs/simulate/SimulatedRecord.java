package dev.warden.logs.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One simulated CloudTrail record, before it is written. */
final class SimulatedRecord {

  long time;
  String id = "";
  String identityType = "AssumedRole";
  String identityArn = "";
  String issuerArn = "";
  String principalId = "";
  String accessKeyId = "";
  String invokedBy = "";
  String userName = "";
  String source = "";
  String name = "";
  String sourceIp = "";
  String userAgent = "";
  String errorCode = "";
  boolean readOnly;
  boolean data;
  final Map<String, Object> request = new LinkedHashMap<>();
  final Map<String, Object> response = new LinkedHashMap<>();
  final List<String[]> resources = new ArrayList<>(); // type, ARN
  @Nullable Map<String, Object> credentials;

  SimulatedRecord request(String key, Object value) {
    request.put(key, value);
    return this;
  }

  SimulatedRecord resource(String type, String arn) {
    resources.add(new String[] {type, arn});
    return this;
  }

  SimulatedRecord error(String code) {
    errorCode = code;
    return this;
  }
}
