package dev.warden.logs.simulate;

import java.util.List;
import java.util.Random;

/** A function of the simulated account: its role, runtime, calls and traffic. */
final class SimulatedFunction {

  /** One call the function makes per invocation (or once per execution environment). */
  record Call(
      String source,
      String name,
      String parameter,
      String value,
      String resourceType,
      String arn,
      boolean data,
      boolean readOnly,
      boolean coldStartOnly) {}

  static final List<String> AGENTS =
      List.of(
          "Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10.219-229.864.amzn2.x86_64"
              + " md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12"
              + " cfg/retry-mode#legacy Botocore/1.34.84",
          "aws-sdk-js/3.575.0 ua/2.0 os/linux#5.10.219 lang/js md/nodejs#20.13.1"
              + " exec-env/AWS_Lambda_nodejs20.x api/dynamodb#3.575.0",
          "aws-sdk-java/2.25.16 Linux/5.10.219 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS"
              + " Java/17.0.11 vendor/Amazon.com_Inc. exec-env/AWS_Lambda_java17 io/sync"
              + " http/Apache cfg/retry-mode/legacy");

  final String name;
  final String role;
  final String roleId;
  final String agent;
  final List<Call> calls;
  final double perHour;
  final String invoker;
  final int scheduleMinutes;

  // the current execution environment
  long environmentEnd = Long.MIN_VALUE;
  String key = "";
  String ip = "";

  SimulatedFunction(
      String name,
      List<Call> calls,
      double perHour,
      String invoker,
      int scheduleMinutes,
      Random random) {
    this.name = name;
    this.role = "arn:aws:iam::" + RecordWriter.ACCOUNT + ":role/service/" + name + "-role";
    this.roleId = "AROA" + Records.hex(random, 17).toUpperCase(java.util.Locale.ROOT);
    this.agent = AGENTS.get(random.nextInt(AGENTS.size()));
    this.calls = List.copyOf(calls);
    this.perHour = perHour;
    this.invoker = invoker;
    this.scheduleMinutes = scheduleMinutes;
  }

  String functionArn() {
    return "arn:aws:lambda:"
        + RecordWriter.REGION
        + ":"
        + RecordWriter.ACCOUNT
        + ":function:"
        + name;
  }

  String sessionArn() {
    return "arn:aws:sts::"
        + RecordWriter.ACCOUNT
        + ":assumed-role/"
        + role.substring(role.lastIndexOf('/') + 1)
        + "/"
        + name;
  }

  /** The function of that name among {@code functions}. */
  static SimulatedFunction named(List<SimulatedFunction> functions, String name) {
    return functions.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
  }
}
