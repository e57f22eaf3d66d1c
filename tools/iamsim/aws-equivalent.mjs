// Where iam-simulate departs from AWS's documented behaviour in a way that a policy can be
// rewritten around, the AWS answer is the oracle's answer on the rewritten case:
//
// - Policy variables are replaced before matching, wherever they stand in the Resource
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html: "the
//   policy variables are replaced with values that come from the conditional context keys passed
//   in the request"); iam-simulate compares the partition, service, region and account segments of
//   an ARN without replacing them, so arn:aws:iam::${aws:PrincipalAccount}:role/x never matches.
//   Rewrite: replace such variables with their values.
// - In a policy of version 2008-10-17 (or without a Version) ${...} is plain text
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html);
//   iam-simulate replaces variables in every policy. Rewrite: version 2012-10-17 with each $
//   written ${$}.
// - The IPv4 range 0.0.0.0/0 holds every IPv4 address (CIDR, RFC 4632, which the IpAddress
//   operators take: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress);
//   iam-simulate matches no address with it. Rewrite: its two halves, 0.0.0.0/1 and 128.0.0.0/1.

const HEAD_VARIABLE = /^(arn:[^:]*:[^:]*:[^:]*:)?([^:]*\$\{[^}]*\}[^:]*)/

function lower(context) {
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]))
}

function substituteHead(resource, context) {
  if (!resource.startsWith('arn:')) return resource
  const parts = splitArn(resource)
  if (parts.length < 6) return resource
  let changed = false
  for (let i = 1; i < 5; i++) {
    parts[i] = parts[i].replace(/\$\{([^},]+)(?:,\s*'([^']*)')?\}/g, (whole, key, fallback) => {
      const value = context[key.trim().toLowerCase()]
      const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value
      if (single !== undefined) {
        changed = true
        return single
      }
      if (fallback !== undefined) {
        changed = true
        return fallback
      }
      return whole
    })
  }
  return changed ? parts.join(':') : resource
}

/** Splits an ARN at the colons that are not inside ${...}. */
function splitArn(text) {
  const parts = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '{' && current.endsWith('$')) depth++
    if (ch === '}' && depth > 0) depth--
    if (ch === ':' && depth === 0 && parts.length < 5) {
      parts.push(current)
      current = ''
    } else {
      current += ch
    }
  }
  parts.push(current)
  return parts
}

function mapResources(policy, fn) {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]
  const mapped = statements.map((s) => {
    const out = { ...s }
    for (const key of ['Resource', 'NotResource']) {
      if (out[key] !== undefined) {
        out[key] = Array.isArray(out[key]) ? out[key].map(fn) : fn(out[key])
      }
    }
    return out
  })
  return { ...policy, Statement: Array.isArray(policy.Statement) ? mapped : mapped[0] }
}

function escapeDollars(value) {
  if (typeof value === 'string') return value.replaceAll('$', '${$}')
  if (Array.isArray(value)) return value.map(escapeDollars)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDollars(v)]))
  }
  return value
}

function wholeIpv4Range(policy, reasons) {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]
  let changed = false
  const mapped = statements.map((s) => {
    if (!s.Condition) return s
    const condition = {}
    for (const [operator, keys] of Object.entries(s.Condition)) {
      if (!/IpAddress/.test(operator)) {
        condition[operator] = keys
        continue
      }
      condition[operator] = Object.fromEntries(
        Object.entries(keys).map(([key, values]) => {
          const list = Array.isArray(values) ? values : [values]
          if (!list.includes('0.0.0.0/0')) return [key, values]
          changed = true
          return [key, list.flatMap((v) => (v === '0.0.0.0/0' ? ['0.0.0.0/1', '128.0.0.0/1'] : [v]))]
        })
      )
    }
    return { ...s, Condition: condition }
  })
  if (!changed) return policy
  reasons.add('the IPv4 range 0.0.0.0/0 holds every IPv4 address')
  return { ...policy, Statement: Array.isArray(policy.Statement) ? mapped : mapped[0] }
}

function rewritePolicy(original, context, reasons) {
  if (!original || typeof original !== 'object') return original
  const policy = wholeIpv4Range(original, reasons)
  if (policy.Version !== '2012-10-17') {
    if (JSON.stringify(policy).includes('${')) {
      reasons.add('in a policy of version 2008-10-17 (or without Version) ${...} is plain text, not a policy variable')
      const { Version, ...rest } = policy
      return { ...escapeDollars(rest), Version: '2012-10-17' }
    }
    return policy
  }
  const rewritten = mapResources(policy, (r) => substituteHead(r, context))
  if (JSON.stringify(rewritten) !== JSON.stringify(policy)) {
    reasons.add('policy variables in the account or region of a Resource ARN are replaced before matching')
  }
  return rewritten
}

/** The case rewritten so that the oracle answers as AWS does, or null when nothing needed it. */
export function awsEquivalent(c) {
  const reasons = new Set()
  const context = lower(c.context)
  const policy = (p) => rewritePolicy(p, context, reasons)
  const rewritten = {
    ...c,
    policies: (c.policies ?? []).map(policy),
    ...(c.resourcePolicy ? { resourcePolicy: policy(c.resourcePolicy) } : {}),
    ...(c.permissionBoundary ? { permissionBoundary: policy(c.permissionBoundary) } : {}),
    ...(c.sessionPolicy ? { sessionPolicy: policy(c.sessionPolicy) } : {}),
    ...(c.scps ? { scps: c.scps.map((level) => level.map(policy)) } : {}),
    ...(c.rcps ? { rcps: c.rcps.map((level) => level.map(policy)) } : {})
  }
  return reasons.size === 0 ? null : { rewritten, reasons: [...reasons] }
}
