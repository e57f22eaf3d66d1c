package dev.warden.iam;

import java.util.List;
import java.util.Optional;

/**
 * The published AWS IAM privilege-escalation methods (Rhino Security Labs 2018 and CodeStar 2019,
 * Cloudsplaining, DataDog's pathfinding.cloud, PMapper), as catalogued in Warden's IAM reference
 * (shared/reference/iam.md §5.2), plus changing a function's layers or environment, which runs code
 * under its role like UpdateFunctionCode. Each names the actions that must all be granted and, for
 * the PassRole methods, the service a role must be passed to.
 */
public final class EscalationMethods {

  /** One method: its name, the actions it needs, and what must exist in the account. */
  public record EscalationMethod(
      String name, List<String> actions, Optional<String> passRoleTo, String precondition) {

    public EscalationMethod {
      actions = List.copyOf(actions);
    }
  }

  private EscalationMethods() {}

  /** Every method, in the order of the catalogue. */
  public static final List<EscalationMethod> ALL =
      List.of(
          method(
              "CreateNewPolicyVersion",
              List.of("iam:CreatePolicyVersion"),
              Optional.empty(),
              "a customer-managed policy attached to the attacker (or to a role it can assume / re-trust)"),
          method(
              "SetExistingDefaultPolicyVersion",
              List.of("iam:SetDefaultPolicyVersion"),
              Optional.empty(),
              "a non-default version of an attached policy that is more permissive"),
          method(
              "CreateEC2WithExistingInstanceProfile",
              List.of("iam:PassRole", "ec2:RunInstances"),
              Optional.of("ec2.amazonaws.com"),
              "existing more-privileged role trusting ec2.amazonaws.com; PassRole must cover it"),
          method(
              "CreateAccessKey",
              List.of("iam:CreateAccessKey"),
              Optional.empty(),
              "target user is more privileged; CreateAccessKey needs <2 existing keys (iam-003 deletes one first)"),
          method(
              "CreateLoginProfile",
              List.of("iam:CreateLoginProfile"),
              Optional.empty(),
              "target user has no console password yet"),
          method(
              "UpdateLoginProfile",
              List.of("iam:UpdateLoginProfile"),
              Optional.empty(),
              "target user already has a console password"),
          method(
              "AttachUserPolicy",
              List.of("iam:AttachUserPolicy"),
              Optional.empty(),
              "resource covers the attacker's own user"),
          method(
              "AttachGroupPolicy",
              List.of("iam:AttachGroupPolicy"),
              Optional.empty(),
              "resource covers a group the attacker belongs to"),
          method(
              "AttachRolePolicy",
              List.of("iam:AttachRolePolicy"),
              Optional.empty(),
              "resource covers a role the attacker can use (e.g. the compromised function's own execution role)"),
          method(
              "PutUserPolicy",
              List.of("iam:PutUserPolicy"),
              Optional.empty(),
              "resource covers the attacker's own user"),
          method(
              "PutGroupPolicy",
              List.of("iam:PutGroupPolicy"),
              Optional.empty(),
              "resource covers a group the attacker belongs to"),
          method(
              "PutRolePolicy",
              List.of("iam:PutRolePolicy"),
              Optional.empty(),
              "resource covers a role the attacker can use (e.g. the compromised function's own execution role)"),
          method(
              "AddUserToGroup",
              List.of("iam:AddUserToGroup"),
              Optional.empty(),
              "a more privileged group exists"),
          method(
              "UpdateAssumeRolePolicyThenAssume",
              List.of("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"),
              Optional.empty(),
              "any role; the trust policy is rewritten to trust the attacker"),
          method(
              "PassRoleToNewLambdaThenInvoke",
              List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
              Optional.of("lambda.amazonaws.com"),
              "existing more-privileged role trusting lambda.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewLambdaThenTriggerWithNewDynamoTable",
              List.of(
                  "iam:PassRole",
                  "lambda:CreateFunction",
                  "lambda:CreateEventSourceMapping",
                  "dynamodb:CreateTable",
                  "dynamodb:PutItem"),
              Optional.of("lambda.amazonaws.com"),
              "existing more-privileged role trusting lambda.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewLambdaThenTriggerWithExistingEventSource",
              List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
              Optional.of("lambda.amazonaws.com"),
              "existing more-privileged role trusting lambda.amazonaws.com; PassRole must cover it"),
          method(
              "EditExistingLambdaFunctionCode",
              List.of("lambda:UpdateFunctionCode"),
              Optional.empty(),
              "an existing function whose execution role is more privileged"),
          method(
              "PassRoleToNewGlueDevEndpoint",
              List.of("iam:PassRole", "glue:CreateDevEndpoint"),
              Optional.of("glue.amazonaws.com"),
              "existing more-privileged role trusting glue.amazonaws.com; PassRole must cover it"),
          method(
              "UpdateExistingGlueDevEndpoint",
              List.of("glue:UpdateDevEndpoint"),
              Optional.empty(),
              "an existing Glue dev endpoint with a privileged role (and SSH access to it)"),
          method(
              "PassRoleToCloudFormationStack",
              List.of("iam:PassRole", "cloudformation:CreateStack"),
              Optional.of("cloudformation.amazonaws.com"),
              "existing more-privileged role trusting cloudformation.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewDataPipeline",
              List.of(
                  "iam:PassRole",
                  "datapipeline:CreatePipeline",
                  "datapipeline:PutPipelineDefinition",
                  "datapipeline:ActivatePipeline"),
              Optional.of("datapipeline.amazonaws.com"),
              "existing more-privileged role trusting datapipeline.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewCodeStarProject",
              List.of("iam:PassRole", "codestar:CreateProject"),
              Optional.of("codestar.amazonaws.com"),
              "existing more-privileged role trusting codestar.amazonaws.com; PassRole must cover it; CodeStar discontinued 2024"),
          method(
              "CodeStarCreateProjectThenAssociateTeamMember",
              List.of("codestar:CreateProject", "codestar:AssociateTeamMember"),
              Optional.empty(),
              "CodeStar (discontinued 2024)"),
          method(
              "CodeStarCreateProjectFromTemplate",
              List.of("codestar:CreateProjectFromTemplate"),
              Optional.empty(),
              "CodeStar (discontinued 2024); action absent from the service reference"),
          method(
              "CreateAccessKeyAfterDeletingOne",
              List.of("iam:CreateAccessKey", "iam:DeleteAccessKey"),
              Optional.empty(),
              "target user is more privileged; CreateAccessKey needs <2 existing keys (iam-003 deletes one first)"),
          method(
              "AttachRolePolicyThenAssumeRole",
              List.of("iam:AttachRolePolicy", "sts:AssumeRole"),
              Optional.empty(),
              "a role that already trusts the attacker"),
          method(
              "AttachUserPolicyThenCreateAccessKey",
              List.of("iam:AttachUserPolicy", "iam:CreateAccessKey"),
              Optional.empty(),
              "another IAM user (attach/put policy, then mint its keys)"),
          method(
              "CreatePolicyVersionThenAssumeRole",
              List.of("iam:CreatePolicyVersion", "sts:AssumeRole"),
              Optional.empty(),
              "a customer-managed policy attached to the attacker (or to a role it can assume / re-trust)"),
          method(
              "PutRolePolicyThenAssumeRole",
              List.of("iam:PutRolePolicy", "sts:AssumeRole"),
              Optional.empty(),
              "a role that already trusts the attacker"),
          method(
              "PutUserPolicyThenCreateAccessKey",
              List.of("iam:PutUserPolicy", "iam:CreateAccessKey"),
              Optional.empty(),
              "another IAM user (attach/put policy, then mint its keys)"),
          method(
              "AttachRolePolicyThenUpdateTrust",
              List.of("iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy"),
              Optional.empty(),
              "any role; the trust policy is rewritten to trust the attacker"),
          method(
              "CreatePolicyVersionThenUpdateTrust",
              List.of("iam:CreatePolicyVersion", "iam:UpdateAssumeRolePolicy"),
              Optional.empty(),
              "a customer-managed policy attached to the attacker (or to a role it can assume / re-trust)"),
          method(
              "PutRolePolicyThenUpdateTrust",
              List.of("iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy"),
              Optional.empty(),
              "any role; the trust policy is rewritten to trust the attacker"),
          method(
              "AssumeMorePrivilegedRole",
              List.of("sts:AssumeRole"),
              Optional.empty(),
              "a more privileged role whose trust policy already admits the attacker"),
          method(
              "UpdateLambdaCodeThenInvoke",
              List.of("lambda:UpdateFunctionCode", "lambda:InvokeFunction"),
              Optional.empty(),
              "an existing function with a privileged role"),
          method(
              "UpdateLambdaCodeThenAddPermission",
              List.of("lambda:UpdateFunctionCode", "lambda:AddPermission"),
              Optional.empty(),
              "an existing function with a privileged role"),
          method(
              "PassRoleToNewLambdaThenAddPermission",
              List.of("iam:PassRole", "lambda:CreateFunction", "lambda:AddPermission"),
              Optional.of("lambda.amazonaws.com"),
              "existing more-privileged role trusting lambda.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewGlueJobThenRun",
              List.of("iam:PassRole", "glue:CreateJob", "glue:StartJobRun"),
              Optional.of("glue.amazonaws.com"),
              "existing more-privileged role trusting glue.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewGlueJobViaTrigger",
              List.of("iam:PassRole", "glue:CreateJob", "glue:CreateTrigger"),
              Optional.of("glue.amazonaws.com"),
              "existing more-privileged role trusting glue.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToUpdatedGlueJobThenRun",
              List.of("iam:PassRole", "glue:UpdateJob", "glue:StartJobRun"),
              Optional.of("glue.amazonaws.com"),
              "existing more-privileged role trusting glue.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToUpdatedGlueJobViaTrigger",
              List.of("iam:PassRole", "glue:UpdateJob", "glue:CreateTrigger"),
              Optional.of("glue.amazonaws.com"),
              "existing more-privileged role trusting glue.amazonaws.com; PassRole must cover it"),
          method(
              "UpdateExistingStackWithPrivilegedRole",
              List.of("cloudformation:UpdateStack"),
              Optional.empty(),
              "an existing stack whose service role is privileged"),
          method(
              "PassRoleToNewStackSet",
              List.of(
                  "iam:PassRole",
                  "cloudformation:CreateStackSet",
                  "cloudformation:CreateStackInstances"),
              Optional.of("cloudformation.amazonaws.com"),
              "existing more-privileged role trusting cloudformation.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToUpdatedStackSet",
              List.of("iam:PassRole", "cloudformation:UpdateStackSet"),
              Optional.of("cloudformation.amazonaws.com"),
              "existing more-privileged role trusting cloudformation.amazonaws.com; PassRole must cover it"),
          method(
              "ExecuteChangeSetOnPrivilegedStack",
              List.of("cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"),
              Optional.empty(),
              "an existing stack with a privileged service role"),
          method(
              "PassRoleToNewCodeBuildProjectThenBuild",
              List.of("iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"),
              Optional.of("codebuild.amazonaws.com"),
              "existing more-privileged role trusting codebuild.amazonaws.com; PassRole must cover it"),
          method(
              "StartBuildWithBuildspecOverride",
              List.of("codebuild:StartBuild"),
              Optional.empty(),
              "an existing project with a privileged service role (buildspec override)"),
          method(
              "StartBuildBatchWithBuildspecOverride",
              List.of("codebuild:StartBuildBatch"),
              Optional.empty(),
              "an existing project with a privileged service role (buildspec override)"),
          method(
              "PassRoleToNewCodeBuildProjectThenBuildBatch",
              List.of("iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuildBatch"),
              Optional.of("codebuild.amazonaws.com"),
              "existing more-privileged role trusting codebuild.amazonaws.com; PassRole must cover it"),
          method(
              "UpdateCodeBuildProjectRoleThenBuild",
              List.of("iam:PassRole", "codebuild:UpdateProject", "codebuild:StartBuild"),
              Optional.of("codebuild.amazonaws.com"),
              "existing more-privileged role trusting codebuild.amazonaws.com; PassRole must cover it"),
          method(
              "ModifyUserDataThenRestart",
              List.of("ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"),
              Optional.empty(),
              "an existing instance with a privileged instance profile"),
          method(
              "PassRoleToNewSpotInstance",
              List.of("iam:PassRole", "ec2:RequestSpotInstances"),
              Optional.of("ec2.amazonaws.com"),
              "existing more-privileged role trusting ec2.amazonaws.com; PassRole must cover it"),
          method(
              "ModifyLaunchTemplateUsedByASG",
              List.of("ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"),
              Optional.empty(),
              "a launch template used by an Auto Scaling group with a privileged profile"),
          method(
              "AssociateInstanceProfileToControlledInstance",
              List.of("iam:PassRole", "ec2:AssociateIamInstanceProfile"),
              Optional.of("ec2.amazonaws.com"),
              "existing more-privileged role trusting ec2.amazonaws.com; PassRole must cover it"),
          method(
              "EC2InstanceConnectSendSSHPublicKey",
              List.of("ec2-instance-connect:SendSSHPublicKey", "ec2:DescribeInstances"),
              Optional.empty(),
              "an instance with a privileged profile, reachable over SSH"),
          method(
              "SSMStartSessionOnInstanceWithRole",
              List.of("ssm:StartSession"),
              Optional.empty(),
              "a managed instance (SSM agent) with a privileged profile"),
          method(
              "SSMSendCommandToInstanceWithRole",
              List.of("ssm:SendCommand"),
              Optional.empty(),
              "a managed instance (SSM agent) with a privileged profile"),
          method(
              "PassRoleToAutoScalingLaunchConfiguration",
              List.of(
                  "iam:PassRole",
                  "autoscaling:CreateLaunchConfiguration",
                  "autoscaling:CreateAutoScalingGroup"),
              Optional.of("ec2.amazonaws.com"),
              "existing more-privileged role trusting ec2.amazonaws.com; PassRole must cover it"),
          method(
              "CreateRoleThenAttachAdminPolicy",
              List.of("iam:CreateRole", "iam:AttachRolePolicy"),
              Optional.empty(),
              "none beyond the grants (new role trusts the attacker; AttachRolePolicy allows AdministratorAccess)"),
          method(
              "PassRoleToNewECSClusterService",
              List.of(
                  "iam:PassRole",
                  "ecs:CreateCluster",
                  "ecs:RegisterTaskDefinition",
                  "ecs:CreateService"),
              Optional.of("ecs-tasks.amazonaws.com"),
              "existing more-privileged role trusting ecs-tasks.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewECSClusterRunTask",
              List.of(
                  "iam:PassRole", "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:RunTask"),
              Optional.of("ecs-tasks.amazonaws.com"),
              "existing more-privileged role trusting ecs-tasks.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewECSService",
              List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:CreateService"),
              Optional.of("ecs-tasks.amazonaws.com"),
              "existing more-privileged role trusting ecs-tasks.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewECSTaskRunTask",
              List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"),
              Optional.of("ecs-tasks.amazonaws.com"),
              "existing more-privileged role trusting ecs-tasks.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewECSTaskStartTask",
              List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:StartTask"),
              Optional.of("ecs-tasks.amazonaws.com"),
              "existing more-privileged role trusting ecs-tasks.amazonaws.com; PassRole must cover it"),
          method(
              "ECSExecuteCommandOnRunningTask",
              List.of("ecs:ExecuteCommand", "ecs:DescribeTasks"),
              Optional.empty(),
              "a running task with ECS Exec enabled and a privileged task role"),
          method(
              "PassRoleToNewNotebookInstance",
              List.of("iam:PassRole", "sagemaker:CreateNotebookInstance"),
              Optional.of("sagemaker.amazonaws.com"),
              "existing more-privileged role trusting sagemaker.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewTrainingJob",
              List.of("iam:PassRole", "sagemaker:CreateTrainingJob"),
              Optional.of("sagemaker.amazonaws.com"),
              "existing more-privileged role trusting sagemaker.amazonaws.com; PassRole must cover it"),
          method(
              "PassRoleToNewProcessingJob",
              List.of("iam:PassRole", "sagemaker:CreateProcessingJob"),
              Optional.of("sagemaker.amazonaws.com"),
              "existing more-privileged role trusting sagemaker.amazonaws.com; PassRole must cover it"),
          method(
              "PresignedNotebookUrlToExistingInstance",
              List.of("sagemaker:CreatePresignedNotebookInstanceUrl"),
              Optional.empty(),
              "an existing notebook instance with a privileged role"),
          method(
              "InjectNotebookLifecycleConfig",
              List.of(
                  "sagemaker:CreateNotebookInstanceLifecycleConfig",
                  "sagemaker:StopNotebookInstance",
                  "sagemaker:UpdateNotebookInstance",
                  "sagemaker:StartNotebookInstance"),
              Optional.empty(),
              "an existing notebook instance with a privileged role"),
          method(
              "PassRoleToNewAppRunnerService",
              List.of("iam:PassRole", "apprunner:CreateService"),
              Optional.of("apprunner.amazonaws.com"),
              "existing more-privileged role trusting apprunner.amazonaws.com; PassRole must cover it"),
          method(
              "UpdateExistingAppRunnerService",
              List.of("apprunner:UpdateService"),
              Optional.empty(),
              "an existing App Runner service with a privileged instance role"),
          method(
              "PassRoleToNewAgentCoreCodeInterpreter",
              List.of(
                  "iam:PassRole",
                  "bedrock-agentcore:CreateCodeInterpreter",
                  "bedrock-agentcore:StartCodeInterpreterSession",
                  "bedrock-agentcore:InvokeCodeInterpreter"),
              Optional.of("bedrock-agentcore.amazonaws.com"),
              "existing more-privileged role trusting bedrock-agentcore.amazonaws.com; PassRole must cover it"),
          method(
              "UseExistingAgentCoreCodeInterpreter",
              List.of(
                  "bedrock-agentcore:StartCodeInterpreterSession",
                  "bedrock-agentcore:InvokeCodeInterpreter"),
              Optional.empty(),
              "an existing code interpreter with a privileged execution role"),
          method(
              "UpdateLambdaConfigurationLayersOrEnvironment",
              List.of("lambda:UpdateFunctionConfiguration"),
              Optional.empty(),
              "an existing function with a privileged role (a new layer or environment variables such as AWS_LAMBDA_EXEC_WRAPPER run code under it)"));

  private static EscalationMethod method(
      String name, List<String> actions, Optional<String> passRoleTo, String precondition) {
    return new EscalationMethod(name, actions, passRoleTo, precondition);
  }
}
