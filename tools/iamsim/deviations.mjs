// Hand-picked cases where iam-simulate answers otherwise than AWS documents, keyed by the case's
// note. The generator records the oracle's answer as `expected` and this one as `awsDecision`;
// Warden's engine must give awsDecision. If the oracle changes its answer, the generator stops.

export const deviations = {
  'resource policy allow with a session policy that does not allow: session named': {
    oracle: 'ImplicitlyDenied',
    aws: 'Allowed',
    reason:
      'A resource-based policy that names the ARN of the session grants after the session policy is applied, so the session policy does not limit it (IAM User Guide, Session policies: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session)'
  },
  'no trust policy given': {
    oracle: 'Allowed',
    aws: 'ImplicitlyDenied',
    reason:
      'Every IAM role has a trust policy, and only the principals it trusts can assume the role (IAM User Guide, Roles terms and concepts: "A role trust policy is a required resource-based policy that is attached to a role"); with none, nobody can'
  },
  'RCP deny on lambda, which RCPs do not cover': {
    oracle: 'ExplicitlyDenied',
    aws: 'Allowed',
    reason:
      'Resource control policies apply only to the services AWS lists as supporting them, and Lambda is not one (AWS Organizations User Guide, RCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html)'
  }
}
