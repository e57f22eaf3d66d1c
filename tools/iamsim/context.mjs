// The global context keys Warden's `iam simulate` derives for a request (GlobalContextKeys.java);
// the generator writes them into every case so that both engines decide the same request.

export const NOW = '2026-11-20T10:00:00Z'

export function derivedContext(principal, resource, resourceAccount) {
  const keys = {
    'aws:CurrentTime': NOW,
    'aws:EpochTime': String(Date.parse(NOW) / 1000),
    'aws:ResourceAccount': resourceAccount
  }
  const service = !principal.startsWith('arn:') && principal.endsWith('.amazonaws.com')
  if (service) {
    keys['aws:PrincipalIsAWSService'] = 'true'
    keys['aws:PrincipalServiceName'] = principal
  } else {
    const parts = principal.split(':')
    const account = parts[4]
    const path = parts.slice(5).join(':')
    const kind = path === 'root' ? 'root' : path.split('/')[0]
    keys['aws:PrincipalIsAWSService'] = 'false'
    keys['aws:PrincipalArn'] =
      kind === 'assumed-role'
        ? `arn:${parts[1]}:iam::${account}:role/${path.split('/').slice(1, -1).join('/')}`
        : principal
    keys['aws:PrincipalAccount'] = account
    const type = { root: 'Account', user: 'User', 'federated-user': 'FederatedUser', role: 'AssumedRole', 'assumed-role': 'AssumedRole' }[kind]
    if (type) keys['aws:PrincipalType'] = type
    if (kind === 'user') keys['aws:username'] = path.split('/').pop()
  }
  const arn = resource.split(':')
  if (arn.length >= 6 && arn[0] === 'arn' && arn[3] !== '') {
    keys['aws:RequestedRegion'] = arn[3]
  }
  return keys
}
