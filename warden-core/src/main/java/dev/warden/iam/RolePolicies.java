package dev.warden.iam;

import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.Policy;
import dev.warden.inventory.PolicyKind;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies of a function's role, parsed for the engine: every identity policy Warden knows, the
 * permissions boundary when its document is known, what is wrong with them, and what could not be
 * known (managed policies outside the app, an external role).
 */
public record RolePolicies(
    List<PolicyDocument> identity,
    Optional<PolicyDocument> boundary,
    List<PolicyProblem> problems,
    List<String> unknowns) {

  public RolePolicies {
    identity = List.copyOf(identity);
    problems = List.copyOf(problems);
    unknowns = List.copyOf(unknowns);
  }

  public static RolePolicies of(ExecutionRole role, AwsManagedPolicies managed) {
    List<PolicyDocument> identity = new ArrayList<>();
    List<PolicyProblem> problems = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (Policy policy : role.policies()) {
      // An AWS-managed policy is shown where the app attaches it, not in Warden's bundled file.
      Value document =
          policy.kind() == PolicyKind.AWS_MANAGED
              ? relocate(policy.document(), policy.at())
              : policy.document();
      PolicyParser.Parsed parsed = PolicyParser.parse(document, PolicyType.IDENTITY);
      identity.add(parsed.document());
      problems.addAll(parsed.problems());
      policy.arn().ifPresent(arn -> known.add(arn.toString()));
    }
    for (SymbolicText arn : role.managedPolicyArns()) {
      if (!known.contains(arn.toString())) {
        unknowns.add("managed policy " + arn + " (its document is not in the app)");
      }
    }
    if (role.origin() == ExecutionRole.Origin.EXTERNAL) {
      unknowns.add("role " + role.arn() + " is defined outside the app: its policies are unknown");
    }
    Optional<PolicyDocument> boundary = Optional.empty();
    if (role.permissionsBoundary().isPresent()) {
      SymbolicText arn = role.permissionsBoundary().get();
      Optional<AwsManagedPolicies.ManagedPolicyDocument> document =
          arn.concrete().flatMap(managed::byArn);
      if (document.isPresent()) {
        PolicyParser.Parsed parsed =
            PolicyParser.parse(document.get().document(), PolicyType.BOUNDARY);
        boundary = Optional.of(parsed.document());
      } else {
        unknowns.add(
            "permissions boundary " + arn + " (its document is not known: analysed without it)");
      }
    }
    return new RolePolicies(identity, boundary, problems, unknowns);
  }

  /** The same value with every node at {@code at}. */
  static Value relocate(Value value, SourceLocation at) {
    if (value instanceof Value.Str str) {
      return new Value.Str(str.text(), at);
    }
    if (value instanceof Value.Num num) {
      return new Value.Num(num.lexeme(), at);
    }
    if (value instanceof Value.Bool bool) {
      return new Value.Bool(bool.value(), at);
    }
    if (value instanceof Value.Seq seq) {
      return new Value.Seq(seq.items().stream().map(v -> relocate(v, at)).toList(), at);
    }
    if (value instanceof Value.Obj obj) {
      return new Value.Obj(
          obj.fields().stream()
              .map(f -> new Value.Field(f.key(), at, relocate(f.value(), at)))
              .toList(),
          at);
    }
    return new Value.Nil(at);
  }
}
