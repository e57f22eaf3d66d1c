// Random requests and policies for the differential tests, from a seeded generator. The pools hold
// real actions with resources of the types they accept, so that the oracle decides (rather than
// refuses) most cases, and values that sometimes match and sometimes do not.

const ACCOUNT = '111122223333'
const OTHER = '444455556666'

/** Requests: an action, a resource of a type it accepts, and what kind of resource policy fits. */
const REQUESTS = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/invoices/2026/inv-1.pdf', policy: 'bucket', account: ACCOUNT },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::orders-bucket/uploads/alice/photo.png', policy: 'bucket', account: ACCOUNT },
  { action: 's3:DeleteObject', resource: 'arn:aws:s3:::Orders-Bucket/tmp/x', policy: 'bucket', account: ACCOUNT },
  { action: 's3:ListBucket', resource: 'arn:aws:s3:::orders-bucket', policy: 'bucket', account: ACCOUNT },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::partner-drop/in/feed.csv', policy: 'bucket', account: OTHER },
  { action: 's3:ListAllMyBuckets', resource: '*', policy: null, account: ACCOUNT },
  { action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders`, policy: 'table', account: ACCOUNT },
  { action: 'dynamodb:Query', resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders/index/ByCustomer`, policy: null, account: ACCOUNT },
  { action: 'dynamodb:PutItem', resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Audit`, policy: 'table', account: ACCOUNT },
  { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:pay-charge`, policy: 'function', account: ACCOUNT },
  { action: 'lambda:UpdateFunctionCode', resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:pay-charge`, policy: 'function', account: ACCOUNT },
  { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:us-east-1:${OTHER}:function:partner-hook`, policy: 'function', account: OTHER },
  { action: 'sqs:SendMessage', resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:jobs`, policy: 'queue', account: ACCOUNT },
  { action: 'sqs:ReceiveMessage', resource: `arn:aws:sqs:eu-west-1:${OTHER}:partner-jobs`, policy: 'queue', account: OTHER },
  { action: 'sns:Publish', resource: `arn:aws:sns:us-east-1:${ACCOUNT}:order-events`, policy: 'topic', account: ACCOUNT },
  { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, policy: 'key', account: ACCOUNT },
  { action: 'kms:Encrypt', resource: `arn:aws:kms:us-east-1:${OTHER}:key/0987dcba-09fe-87dc-65ba-ab0987654321`, policy: 'key', account: OTHER },
  { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-AbCdEf`, policy: 'secret', account: ACCOUNT },
  { action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db/password`, policy: null, account: ACCOUNT },
  { action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/service/worker`, policy: null, account: ACCOUNT },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/ops/bob`, policy: null, account: ACCOUNT },
  { action: 'iam:AttachRolePolicy', resource: `arn:aws:iam::${ACCOUNT}:role/fn`, policy: null, account: ACCOUNT },
  { action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/deploy`, policy: 'trust', account: ACCOUNT },
  { action: 'sts:AssumeRole', resource: `arn:aws:iam::${OTHER}:role/partner-read`, policy: 'trust', account: OTHER },
  { action: 'ec2:DescribeInstances', resource: '*', policy: null, account: ACCOUNT },
  { action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc123def4567890`, policy: null, account: ACCOUNT },
  { action: 'logs:PutLogEvents', resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/pay-charge:log-stream:2026/11/20`, policy: null, account: ACCOUNT },
  { action: 'events:PutEvents', resource: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`, policy: null, account: ACCOUNT },
  { action: 'states:StartExecution', resource: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:Checkout`, policy: null, account: ACCOUNT },
  { action: 'cloudformation:CreateStack', resource: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/app/1a2b3c4d`, policy: null, account: ACCOUNT }
]

const PRINCIPALS = [
  `arn:aws:iam::${ACCOUNT}:role/fn`,
  `arn:aws:sts::${ACCOUNT}:assumed-role/fn/pay-charge`,
  `arn:aws:iam::${ACCOUNT}:user/alice`,
  `arn:aws:iam::${ACCOUNT}:user/ops/bob`,
  `arn:aws:iam::${ACCOUNT}:role/service/worker`,
  `arn:aws:sts::${OTHER}:assumed-role/partner/sync`,
  `arn:aws:iam::${OTHER}:user/carol`
]

const SERVICE_PRINCIPALS = ['lambda.amazonaws.com', 's3.amazonaws.com', 'sns.amazonaws.com']

/** Condition keys with their kind and a pool of request values (some never sent). */
const KEYS = [
  { key: 'aws:PrincipalTag/team', kind: 'string', values: ['payments', 'Payments', 'ops'] },
  { key: 'aws:PrincipalTag/owner', kind: 'string', values: ['alice', 'bob'] },
  { key: 'aws:RequestTag/env', kind: 'string', values: ['prod', 'dev', 'PROD'] },
  { key: 'aws:ResourceTag/env', kind: 'string', values: ['prod', 'dev'] },
  { key: 'aws:SourceVpce', kind: 'string', values: ['vpce-1a2b3c4d', 'vpce-9z8y7x6w'] },
  { key: 'aws:PrincipalOrgID', kind: 'string', values: ['o-a1b2c3d4e5', 'o-zzzzzzzzzz'] },
  { key: 'aws:SourceAccount', kind: 'string', values: [ACCOUNT, OTHER] },
  { key: 'aws:TagKeys', kind: 'strings', values: [['env'], ['env', 'team'], ['Owner'], []] },
  { key: 'aws:CalledVia', kind: 'strings', values: [['cloudformation.amazonaws.com'], ['athena.amazonaws.com', 'glue.amazonaws.com']] },
  { key: 'aws:SourceArn', kind: 'arn', values: [`arn:aws:sns:us-east-1:${ACCOUNT}:order-events`, `arn:aws:s3:::orders-bucket`, `arn:aws:events:us-east-1:${OTHER}:rule/r1`] },
  { key: 'aws:SourceIp', kind: 'ip', values: ['203.0.113.9', '198.51.100.1', '2001:db8::1', '10.1.2.3'] },
  { key: 'aws:SecureTransport', kind: 'bool', values: ['true', 'false'] },
  { key: 'aws:MultiFactorAuthPresent', kind: 'bool', values: ['true', 'false'] },
  { key: 'aws:ViaAWSService', kind: 'bool', values: ['true', 'false'] },
  { key: 'aws:MultiFactorAuthAge', kind: 'numeric', values: ['300', '7200', '3600'] },
  { key: 'aws:TokenIssueTime', kind: 'date', values: ['2026-11-20T09:00:00Z', '2026-11-01T00:00:00Z'] },
  // Derived keys: always in the context; conditions on them test matching, not presence.
  { key: 'aws:PrincipalArn', kind: 'arn', derived: true },
  { key: 'aws:PrincipalAccount', kind: 'string', derived: true },
  { key: 'aws:ResourceAccount', kind: 'string', derived: true },
  { key: 'aws:username', kind: 'string', derived: true },
  { key: 'aws:RequestedRegion', kind: 'string', derived: true },
  { key: 'aws:CurrentTime', kind: 'date', derived: true },
  { key: 'aws:EpochTime', kind: 'numeric', derived: true },
  { key: 'aws:PrincipalType', kind: 'string', derived: true }
]

/** Condition values per kind: what the pools above may or may not match. */
const VALUES = {
  string: ['payments', 'Payments', 'pay*', 'ops', '*', 'p?yments', 'prod', 'dev', 'o-a1b2c3d4e5', 'o-*', ACCOUNT, OTHER, 'vpce-1a2b3c4d', 'alice', 'us-east-1', 'eu-*', 'AssumedRole', 'User', '${aws:username}', '${aws:PrincipalTag/owner}', 'x${*}y', '${aws:PrincipalAccount}'],
  strings: ['env', 'team', 'Owner', 'owner', 'e*', 'cloudformation.amazonaws.com', '*.amazonaws.com', 'glue.amazonaws.com'],
  arn: [`arn:aws:sns:us-east-1:${ACCOUNT}:order-events`, `arn:aws:sns:*:${ACCOUNT}:*`, 'arn:aws:s3:::orders-bucket', 'arn:aws:s3:::orders-*', `arn:aws:iam::${ACCOUNT}:role/fn`, `arn:aws:iam::${ACCOUNT}:role/*`, `arn:aws:iam::${ACCOUNT}:user/*`, `arn:aws:iam::*:role/partner`, 'arn:aws:events:*:*:rule/*', 'arn:aws:*:*:*:*'],
  ip: ['203.0.113.0/24', '198.51.100.1/32', '0.0.0.0/0', '2001:db8::/32', '10.0.0.0/8', '203.0.113.9'],
  bool: ['true', 'false'],
  numeric: ['3600', '300', '1790000000', '1800000000', '0'],
  date: ['2026-11-20T09:30:00Z', '2026-01-01T00:00:00Z', '2027-01-01', '1790000000', '2026-11-20T10:00:00Z']
}

const OPERATORS = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  strings: ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'StringEqualsIgnoreCase'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'StringLike', 'StringEquals'],
  ip: ['IpAddress', 'NotIpAddress'],
  bool: ['Bool'],
  numeric: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  date: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals']
}

const RCP_SERVICES = new Set(['s3', 'sqs', 'kms', 'secretsmanager', 'sts', 'dynamodb', 'logs', 'events'])

const OTHER_ACTIONS = ['ec2:RunInstances', 's3:PutObject', 'dynamodb:Scan', 'iam:PassRole', 'kms:*', 'lambda:Get*', 'sts:Assume*', 'sqs:*']

/** mulberry32: a small, well-known seeded generator; the same seed gives the same cases. */
function generator(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class RandomCases {
  constructor(seed) {
    this.random = generator(seed)
  }

  chance(p) {
    return this.random() < p
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)]
  }

  between(low, high) {
    return low + Math.floor(this.random() * (high - low + 1))
  }

  next() {
    const request = this.pick(REQUESTS)
    const service = this.chance(0.06) && request.policy !== null
    const principal = service ? this.pick(SERVICE_PRINCIPALS) : this.pick(PRINCIPALS)
    const c = {
      principal,
      action: request.action,
      resource: request.resource,
      resourceAccount: request.account,
      context: this.context(),
      policies: service ? [] : this.many(0, 3, () => this.policy(request, 'identity'))
    }
    // A role always has a trust policy and a KMS key its key policy: the request needs it.
    const required = request.policy === 'trust' || request.policy === 'key'
    if (request.policy !== null && (service || required || request.account !== principalAccount(principal) || this.chance(0.55))) {
      c.resourcePolicy = this.policy(request, 'resource')
    }
    if (!service) {
      if (this.chance(0.2)) c.permissionBoundary = this.policy(request, 'boundary')
      if (this.chance(0.15) && /:(role|assumed-role)\//.test(principal)) c.sessionPolicy = this.policy(request, 'session')
      if (this.chance(0.25)) c.scps = this.many(1, 3, () => this.scpLevel(request))
    }
    // RCPs apply to the services AWS lists as supporting them; the others are a hand-picked case.
    if (RCP_SERVICES.has(request.action.split(':')[0]) && this.chance(0.2)) c.rcps = this.many(1, 2, () => this.rcpLevel(request))
    return c
  }

  many(low, high, make) {
    const items = []
    const count = this.between(low, high)
    for (let i = 0; i < count; i++) items.push(make())
    return items
  }

  context() {
    const context = {}
    for (const key of KEYS) {
      if (!key.derived && this.chance(0.35)) {
        context[key.key] = this.pick(key.values)
      }
    }
    return context
  }

  policy(request, type) {
    return {
      Version: this.chance(0.93) ? '2012-10-17' : '2008-10-17',
      Statement: this.many(1, 4, () => this.statement(request, type))
    }
  }

  statement(request, type) {
    const s = {}
    if (this.chance(0.4)) s.Sid = `S${this.between(1, 99)}`
    s.Effect = this.chance(type === 'identity' || type === 'resource' ? 0.8 : 0.7) ? 'Allow' : 'Deny'
    if (type === 'resource') {
      if (this.chance(0.07)) s.NotPrincipal = this.principalElement(request)
      else s.Principal = this.principalElement(request)
    }
    const actions = this.many(1, 3, () => this.actionPattern(request.action))
    if (this.chance(0.12)) s.NotAction = one(actions)
    else s.Action = one(actions)
    if (!(type === 'resource' && request.policy === 'trust' && this.chance(0.7))) {
      const resources = this.many(1, 2, () => this.resourcePattern(request.resource))
      if (this.chance(0.1)) s.NotResource = one(resources)
      else s.Resource = one(resources)
    }
    if (this.chance(s.Effect === 'Deny' ? 0.6 : 0.35)) s.Condition = this.condition()
    return s
  }

  principalElement(request) {
    const choices = [
      () => '*',
      () => ({ AWS: '*' }),
      () => ({ AWS: ACCOUNT }),
      () => ({ AWS: `arn:aws:iam::${OTHER}:root` }),
      () => ({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
      () => ({ AWS: `arn:aws:iam::${ACCOUNT}:role/fn` }),
      () => ({ AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/fn/pay-charge` }),
      () => ({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }),
      () => ({ AWS: [`arn:aws:iam::${ACCOUNT}:user/ops/bob`, `arn:aws:iam::${OTHER}:user/carol`] }),
      () => ({ AWS: `arn:aws:iam::${OTHER}:role/partner` }),
      () => ({ AWS: OTHER }),
      () => ({ Service: this.pick(SERVICE_PRINCIPALS) }),
      () => ({ AWS: `arn:aws:iam::${ACCOUNT}:role/service/worker` })
    ]
    return this.pick(choices)()
  }

  actionPattern(action) {
    const [service, name] = action.split(':')
    const choices = [
      () => action,
      () => action,
      () => action,
      () => action.toLowerCase(),
      () => `${service}:*`,
      () => `${service}:${name.slice(0, 3)}*`,
      () => `${service}:${name.replace(/[a-z]/, '?')}`,
      () => '*',
      () => `${service.toUpperCase()}:${name}`,
      () => `${service}:${name}s`,
      () => this.pick(OTHER_ACTIONS)
    ]
    return this.pick(choices)()
  }

  resourcePattern(resource) {
    if (resource === '*') {
      return this.pick(['*', '*', `arn:aws:ec2:*:${ACCOUNT}:*`, 'arn:aws:s3:::*'])
    }
    const cut = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'))
    const choices = [
      () => resource,
      () => resource,
      () => resource,
      () => resource.slice(0, cut + 1) + '*',
      () => '*',
      () => resource.slice(0, cut + 1) + '*',
      () => resource.toUpperCase(),
      () => resource.replace(ACCOUNT, '*').replace(OTHER, '*'),
      () => resource.replace(/[a-z](?=[^:]*$)/, '?'),
      () => resource.split(':').slice(0, 5).join(':') + ':*',
      () => 'arn:aws:s3:::orders-bucket/uploads/${aws:username}/*',
      () => 'arn:aws:s3:::orders-bucket/${aws:PrincipalTag/team}/*',
      () => "arn:aws:s3:::orders-bucket/${aws:PrincipalTag/folder, 'uploads'}/*",
      () => `arn:aws:iam::\${aws:PrincipalAccount}:role/*`,
      () => `arn:aws:sqs:*:\${aws:ResourceAccount}:*`,
      () => resource + '-old',
      () => 'arn:aws:s3:::other-bucket/*'
    ]
    return this.pick(choices)()
  }

  condition() {
    const block = {}
    const count = this.between(1, 2)
    for (let i = 0; i < count; i++) {
      const key = this.pick(KEYS)
      let operator
      if (this.chance(0.08)) {
        operator = 'Null'
      } else {
        operator = this.pick(OPERATORS[key.kind])
        if (key.kind === 'strings' || this.chance(0.08)) {
          if (this.chance(0.85)) operator = this.pick(['ForAllValues:', 'ForAnyValue:']) + operator
        }
        if (this.chance(0.2)) operator += 'IfExists'
      }
      const values =
        operator === 'Null'
          ? [this.pick(['true', 'false'])]
          : this.many(1, 3, () => this.pick(key.kind === 'strings' ? VALUES.strings : VALUES[key.kind]))
      block[operator] = { ...(block[operator] ?? {}), [key.key]: one(values) }
    }
    return block
  }

  scpLevel(request) {
    const level = []
    if (this.chance(0.8)) level.push({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })
    if (this.chance(0.6) || level.length === 0) level.push(this.policy(request, 'scp'))
    return level
  }

  rcpLevel(request) {
    const statements = this.many(1, 2, () => {
      const s = { Effect: 'Deny', Principal: '*' }
      s.Action = one(this.many(1, 2, () => this.actionPattern(request.action)).map((a) => (a === '*' ? `${request.action.split(':')[0]}:*` : a)))
      s.Resource = this.chance(0.7) ? '*' : this.resourcePattern(request.resource)
      if (this.chance(0.75)) s.Condition = this.condition()
      return s
    })
    return [{ Version: '2012-10-17', Statement: statements }]
  }
}

function one(list) {
  return list.length === 1 ? list[0] : list
}

function principalAccount(principal) {
  return principal.startsWith('arn:') ? principal.split(':')[4] : undefined
}
