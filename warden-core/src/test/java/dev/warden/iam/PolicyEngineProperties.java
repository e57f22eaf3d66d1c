package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.iam.simulate.Simulator;
import dev.warden.inventory.InputError;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad input never crashes the engine: random JSON and random policy-shaped documents go through the
 * parser, the linter, the evaluator and the simulator, which report or decide but never throw; and
 * decisions keep the invariants of AWS's logic.
 */
class PolicyEngineProperties {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(Policies.CATALOG);
  private static final PolicyLinter LINTER = new PolicyLinter(Policies.CATALOG);
  private static final Simulator SIMULATOR =
      new Simulator(
          Policies.CATALOG, Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

  @Property(tries = 300)
  void anyTextEitherFailsToReadWithALineOrParsesWithLocatedProblems(
      @ForAll("jsonish") String text) {
    Value root;
    try {
      root = new DocumentReader(ReadLimits.DEFAULT).parse(new SourceFile("p.json", text)).root();
    } catch (InputError e) {
      assertThat(e.at().file()).isEqualTo("p.json");
      return;
    }
    long lines = text.lines().count() + 1;
    for (PolicyType type : PolicyType.values()) {
      for (PolicyProblem problem : LINTER.lint(root, type)) {
        assertThat(problem.at().line()).isBetween(0, (int) lines);
        assertThat(problem.message()).isNotBlank();
      }
    }
  }

  @Property(tries = 400)
  void randomPoliciesParseAndDecideWithoutThrowing(
      @ForAll("policies") String policy, @ForAll("requests") String[] request) {
    Value root =
        new DocumentReader(ReadLimits.DEFAULT).parse(new SourceFile("p.json", policy)).root();
    PolicyDocument document = PolicyParser.parse(root, PolicyType.IDENTITY).document();
    Decision decision = decide(List.of(document), request);
    assertThat(decision.outcome()).isNotNull();
    assertThat(decide(List.of(document), request)).isEqualTo(decision);
  }

  @Property(tries = 300)
  void aDenyOfEverythingWinsAndNoAllowMeansNoAccess(
      @ForAll("policies") String policy, @ForAll("requests") String[] request) {
    PolicyDocument document =
        PolicyParser.parse(
                new DocumentReader(ReadLimits.DEFAULT)
                    .parse(new SourceFile("p.json", policy))
                    .root(),
                PolicyType.IDENTITY)
            .document();
    PolicyDocument denyAll =
        Policies.identity(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}
            """);
    assertThat(decide(List.of(document, denyAll), request).outcome())
        .isEqualTo(Decision.Outcome.EXPLICITLY_DENIED);
    List<Statement> denies =
        document.statements().stream().filter(s -> s.effect() == Effect.DENY).toList();
    PolicyDocument withoutAllows =
        new PolicyDocument(document.version(), document.id(), denies, document.at());
    assertThat(decide(List.of(withoutAllows), request).outcome())
        .isNotEqualTo(Decision.Outcome.ALLOWED);
  }

  @Property(tries = 300)
  void theSimulatorAnswersEveryLineWithADecisionOrAnError(@ForAll("lines") String line)
      throws Exception {
    String answer = SIMULATOR.simulate("cases.jsonl", 7, line);
    JsonNode node = JSON.readTree(answer);
    assertThat(node.has("decision") || node.get("error").asText().startsWith("cases.jsonl:7: "))
        .as(answer)
        .isTrue();
  }

  private static Decision decide(List<PolicyDocument> identity, String[] request) {
    return EVALUATOR.evaluate(
        new Request(
            new Principal(request[0]),
            request[1],
            request[2],
            "111122223333",
            RequestContext.of(
                Map.of(
                    "aws:SourceIp", List.of("203.0.113.9"),
                    "aws:PrincipalTag/team", List.of("payments")))),
        PolicySet.identity(identity));
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> random = Arbitraries.strings().ofMaxLength(200);
    Arbitrary<String> mutated =
        policies()
            .flatMap(
                p ->
                    Arbitraries.integers()
                        .between(0, Math.max(0, p.length() - 1))
                        .flatMap(
                            cut ->
                                Arbitraries.of("", "}", "{", "\"", ",", "[", ":", "\n")
                                    .map(
                                        insert ->
                                            p.substring(0, cut) + insert + p.substring(cut))));
    return Arbitraries.oneOf(random, mutated, policies());
  }

  @Provide
  Arbitrary<String> policies() {
    Arbitrary<String> statement =
        Combinators.combine(
                Arbitraries.of("\"Allow\"", "\"Deny\"", "\"allow\"", "1", "null", "[\"Allow\"]"),
                Arbitraries.of("Action", "NotAction", "Actions"),
                strings(
                    Arbitraries.of(
                        "*",
                        "s3:*",
                        "s3:Get*",
                        "s3:GetObject",
                        "iam:Pass?ole",
                        "x",
                        "",
                        "sqs:Send*",
                        "S3:GETOBJECT",
                        "*:*")),
                Arbitraries.of("Resource", "NotResource", "Resources"),
                strings(
                    Arbitraries.of(
                        "*",
                        "arn:aws:s3:::b/*",
                        "arn:aws:s3:::b/${aws:username}",
                        "arn:aws:iam::*:role/*",
                        "arn:aws",
                        "",
                        "${",
                        "arn:aws:s3:::${*}")),
                conditions())
            .as(
                (effect, actionKey, actions, resourceKey, resources, condition) ->
                    "{\"Effect\": "
                        + effect
                        + ", \""
                        + actionKey
                        + "\": "
                        + actions
                        + ", \""
                        + resourceKey
                        + "\": "
                        + resources
                        + condition
                        + "}");
    return Combinators.combine(
            Arbitraries.of("\"2012-10-17\"", "\"2008-10-17\"", "\"2020\"", "3"),
            statement.list().ofMinSize(0).ofMaxSize(4))
        .as(
            (version, statements) ->
                "{\"Version\": "
                    + version
                    + ", \"Statement\": ["
                    + String.join(", ", statements)
                    + "]}");
  }

  private static Arbitrary<String> conditions() {
    Arbitrary<String> operator =
        Arbitraries.of(
            "StringEquals",
            "StringNotLike",
            "ForAllValues:StringLike",
            "ForAnyValue:StringEquals",
            "IpAddress",
            "NotIpAddress",
            "NumericLessThan",
            "DateGreaterThan",
            "Bool",
            "ArnLike",
            "Null",
            "BinaryEquals",
            "StringEqualsIfExists",
            "Bogus",
            "ForSomeValues:StringEquals");
    Arbitrary<String> key =
        Arbitraries.of(
            "aws:SourceIp",
            "aws:PrincipalTag/team",
            "aws:TagKeys",
            "aws:CurrentTime",
            "s3:prefix",
            "aws:username",
            "");
    Arbitrary<String> value =
        strings(
            Arbitraries.of(
                "203.0.113.0/24",
                "pay*",
                "true",
                "10",
                "2026-01-01T00:00:00Z",
                "arn:aws:*",
                "${aws:username}",
                "not-an-ip/99",
                "",
                "x${aws:PrincipalTag/team}"));
    Arbitrary<String> one =
        Combinators.combine(operator, key, value)
            .as((o, k, v) -> "\"" + o + "\": {\"" + k + "\": " + v + "}");
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        one.list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(l -> ", \"Condition\": {" + String.join(", ", l) + "}"),
        Arbitraries.of(", \"Condition\": []", ", \"Condition\": \"x\""));
  }

  private static Arbitrary<String> strings(Arbitrary<String> items) {
    return Arbitraries.oneOf(
        items.map(PolicyEngineProperties::quote),
        items.list().ofMinSize(0).ofMaxSize(3).map(PolicyEngineProperties::quoteAll),
        Arbitraries.of("7", "{}", "null"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  private static String quoteAll(List<String> items) {
    List<String> quoted = new ArrayList<>();
    items.forEach(i -> quoted.add(quote(i)));
    return "[" + String.join(", ", quoted) + "]";
  }

  @Provide
  Arbitrary<String[]> requests() {
    return Combinators.combine(
            Arbitraries.of(
                "arn:aws:iam::111122223333:role/fn",
                "arn:aws:sts::111122223333:assumed-role/fn/s",
                "arn:aws:iam::111122223333:user/alice",
                "lambda.amazonaws.com",
                "not-an-arn"),
            Arbitraries.of("s3:GetObject", "iam:PassRole", "sqs:SendMessage", "bogus", "x:y:z"),
            Arbitraries.of("arn:aws:s3:::b/k", "*", "arn:aws:s3:::b/alice", "", "arn:"))
        .as((p, a, r) -> new String[] {p, a, r});
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> wellFormed =
        Combinators.combine(policies(), requests())
            .as(
                (policy, request) ->
                    "{\"principal\": "
                        + quote(request[0])
                        + ", \"policies\": ["
                        + policy
                        + "], \"action\": "
                        + quote(request[1])
                        + ", \"resource\": "
                        + quote(request[2])
                        + ", \"context\": {\"aws:TagKeys\": [\"a\"]}}");
    return Arbitraries.oneOf(wellFormed, jsonish(), Arbitraries.of("", "[]", "null", "{}"));
  }
}
