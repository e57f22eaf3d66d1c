package dev.warden.inventory.sam;

import dev.warden.inventory.AsyncInvokeConfig;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.FunctionUrl;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.Policy;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function while its template is being read: the parts of the template that add triggers,
 * permissions and configuration to it do so here, and {@link FunctionReader} turns it into a {@link
 * dev.warden.inventory.ServerlessFunction} at the end.
 */
final class FunctionDraft {
  final TemplateResource resource;
  final Value.Obj properties;
  final SymbolicText name;
  final SymbolicText arn;
  final List<Trigger> triggers = new ArrayList<>();
  final List<InvokePermission> invokePermissions = new ArrayList<>();

  /** Policies SAM adds to a generated role for event sources, dead-letter queues, destinations. */
  final List<Policy> generatedPolicies = new ArrayList<>();

  /** Managed policies SAM adds to a generated role for event sources. */
  final List<SymbolicText> generatedManagedPolicies = new ArrayList<>();

  Optional<FunctionUrl> url = Optional.empty();
  Optional<AsyncInvokeConfig> asyncConfig = Optional.empty();
  Optional<ExecutionRole> role = Optional.empty();

  FunctionDraft(
      TemplateResource resource, Value.Obj properties, SymbolicText name, SymbolicText arn) {
    this.resource = resource;
    this.properties = properties;
    this.name = name;
    this.arn = arn;
  }

  String logicalId() {
    return resource.logicalId();
  }

  boolean isSam() {
    return resource.type().equals("AWS::Serverless::Function");
  }

  void addTrigger(Trigger trigger) {
    triggers.add(trigger);
  }

  void addGeneratedManagedPolicy(String arn) {
    SymbolicText text = SymbolicText.of(arn);
    if (!generatedManagedPolicies.contains(text)) {
      generatedManagedPolicies.add(text);
    }
  }
}
