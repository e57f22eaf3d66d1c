package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Real input: the policies AWS itself publishes parse without error and lint nearly clean. */
class ManagedPoliciesLintTest {

  private final AwsManagedPolicies managed = AwsManagedPolicies.bundled();
  private final PolicyLinter linter = new PolicyLinter(Policies.CATALOG);

  @Test
  void everyAwsManagedPolicyParsesWithoutError() {
    List<String> errors = new ArrayList<>();
    for (String name : managed.names()) {
      PolicyParser.Parsed parsed =
          PolicyParser.parse(managed.byName(name).orElseThrow().document(), PolicyType.IDENTITY);
      parsed.problems().stream()
          .filter(p -> p.code().isError())
          .forEach(p -> errors.add(name + ": " + p));
    }
    assertThat(managed.size()).isGreaterThan(1000);
    assertThat(errors).isEmpty();
  }

  @Test
  void awsManagedPoliciesNameKnownActionsAlmostAlways() {
    Map<PolicyProblem.Code, Integer> counts = new TreeMap<>();
    int actions = 0;
    for (String name : managed.names()) {
      var document = managed.byName(name).orElseThrow().document();
      for (PolicyProblem problem : linter.lint(document, PolicyType.IDENTITY)) {
        counts.merge(problem.code(), 1, Integer::sum);
      }
      actions +=
          PolicyParser.parse(document, PolicyType.IDENTITY).document().statements().stream()
              .mapToInt(s -> s.actions().size())
              .sum();
    }
    System.out.println("lint of " + managed.size() + " AWS-managed policies: " + counts);
    // AWS's own policies keep some retired actions; a linter that flagged many would be noise.
    assertThat(counts.getOrDefault(PolicyProblem.Code.UNKNOWN_SERVICE, 0))
        .isLessThan(actions / 200);
    assertThat(counts.getOrDefault(PolicyProblem.Code.UNKNOWN_ACTION, 0)).isLessThan(actions / 50);
  }
}
