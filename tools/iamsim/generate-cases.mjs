// Generates the differential test cases of Warden's IAM policy engine and records, for each, the
// decision of @cloud-copilot/iam-simulate, an independent implementation of AWS's evaluation logic.
//
// iam-simulate is AGPL-3.0-or-later: it runs here, as an outside oracle, and nothing of it is
// linked, bundled or shipped with Warden. Only the cases (our own) and its answers are committed.
//
//   cd tools/iamsim && npm ci && node generate-cases.mjs
//
// writes warden-core/src/test/resources/dev/warden/iam/oracle/cases.jsonl: one `warden iam
// simulate` input per line, plus `id`, `source` (hand|random), `note` and `expected` (the oracle's
// decision). Where AWS's documentation shows the oracle wrong, the case also has `awsDecision` and
// `deviation` (why), and Warden follows AWS (see deviations.mjs).
//
// Every derived global key (aws:PrincipalArn, aws:CurrentTime...) is written into each case's
// context, so that both engines see the same request; keys that iam-simulate ignores for the
// action are dropped before the case is recorded. The random part is seeded: a re-run gives the
// same file.

import { runSimulation } from '@cloud-copilot/iam-simulate'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { handPickedCases } from './hand-picked.mjs'
import { deviations } from './deviations.mjs'
import { RandomCases } from './random-cases.mjs'
import { derivedContext } from './context.mjs'
import { awsEquivalent } from './aws-equivalent.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = resolve(here, '../../warden-core/src/test/resources/dev/warden/iam/oracle/cases.jsonl')
const RANDOM_CASES = Number(process.env.RANDOM_CASES ?? 2400)
const SEED = Number(process.env.SEED ?? 20261128)

/** The iam-simulate input for one of our cases. */
function toSimulation(c) {
  const named = (list, prefix) => (list ?? []).map((policy, i) => ({ name: `${prefix}${i}`, policy }))
  return {
    request: {
      principal: c.principal,
      action: c.action,
      resource: { resource: c.resource, accountId: c.resourceAccount },
      contextVariables: c.context
    },
    identityPolicies: named(c.policies, 'identity'),
    serviceControlPolicies: (c.scps ?? []).map((level, i) => ({
      orgIdentifier: `level-${i}`,
      policies: named(level, `scp-${i}-`)
    })),
    resourceControlPolicies: (c.rcps ?? []).map((level, i) => ({
      orgIdentifier: `level-${i}`,
      policies: named(level, `rcp-${i}-`)
    })),
    ...(c.resourcePolicy ? { resourcePolicy: c.resourcePolicy } : {}),
    ...(c.permissionBoundary
      ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: c.permissionBoundary }] }
      : {}),
    ...(c.sessionPolicy ? { sessionPolicy: c.sessionPolicy } : {})
  }
}

/**
 * Asks the oracle; returns its decision, or null when it refuses the case (a policy it rejects, a
 * resource that does not fit the action). Context keys it ignores for this action are dropped from
 * the case first, so that the recorded request is the one it decided.
 */
async function decide(c) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await runSimulation(toSimulation(c), {})
    if (result.resultType === 'error') {
      return { error: JSON.stringify(result.errors) }
    }
    if (result.resultType !== 'single') {
      return { error: 'wildcard resource' }
    }
    const ignored = result.result.ignoredContextKeys ?? []
    if (ignored.length === 0) {
      return { decision: result.overallResult }
    }
    for (const key of ignored) {
      delete c.context[key]
    }
  }
  return { error: 'context keys still ignored' }
}

/** The oracle's answer on the AWS-equivalent rewrite of the case, when one is needed. */
async function awsAnswer(c) {
  const equivalent = awsEquivalent(c)
  if (!equivalent) return null
  const answer = await decide(structuredClone(equivalent.rewritten))
  if (answer.error) throw new Error(`${c.id}: the rewritten case is refused: ${answer.error}`)
  return { decision: answer.decision, reasons: equivalent.reasons }
}

/** Completes a case: default account, every derived global key in its context. */
function complete(c) {
  const principalAccount = c.principal.startsWith('arn:') ? c.principal.split(':')[4] : undefined
  c.resourceAccount = c.resourceAccount ?? principalAccount
  c.context = { ...derivedContext(c.principal, c.resource, c.resourceAccount), ...(c.context ?? {}) }
  return c
}

/** The line written for a case, its fields in a fixed order. */
function line(c, decision, aws) {
  const ordered = {
    id: c.id,
    source: c.source,
    ...(c.note ? { note: c.note } : {}),
    principal: c.principal,
    action: c.action,
    resource: c.resource,
    resourceAccount: c.resourceAccount,
    context: c.context,
    policies: c.policies ?? [],
    ...(c.resourcePolicy ? { resourcePolicy: c.resourcePolicy } : {}),
    ...(c.permissionBoundary ? { permissionBoundary: c.permissionBoundary } : {}),
    ...(c.sessionPolicy ? { sessionPolicy: c.sessionPolicy } : {}),
    ...(c.scps ? { scps: c.scps } : {}),
    ...(c.rcps ? { rcps: c.rcps } : {}),
    expected: decision
  }
  if (aws && aws.decision !== decision) {
    ordered.awsDecision = aws.decision
    ordered.deviation = aws.reasons.join('; ')
  }
  const deviation = c.note ? deviations[c.note] : undefined
  if (deviation) {
    if (deviation.oracle !== decision) {
      throw new Error(`${c.id}: the oracle now answers ${decision}; review deviations.mjs`)
    }
    ordered.awsDecision = deviation.aws
    ordered.deviation = deviation.reason
  }
  return JSON.stringify(ordered)
}

const lines = []
const refused = []
for (const hand of handPickedCases()) {
  const c = complete({ ...hand, source: 'hand' })
  const answer = await decide(c)
  if (answer.error) {
    refused.push(`${c.id}: ${answer.error}`)
    continue
  }
  lines.push(line(c, answer.decision, await awsAnswer(c)))
}
const handCount = lines.length

const random = new RandomCases(SEED)
let randomCount = 0
let tries = 0
const tally = { Allowed: 0, ImplicitlyDenied: 0, ExplicitlyDenied: 0 }
while (randomCount < RANDOM_CASES && tries < RANDOM_CASES * 4) {
  tries++
  const c = complete({ ...random.next(), id: `random-${String(randomCount + 1).padStart(4, '0')}`, source: 'random' })
  const answer = await decide(c)
  if (answer.error) {
    continue
  }
  lines.push(line(c, answer.decision, await awsAnswer(c)))
  tally[answer.decision]++
  randomCount++
}

mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, lines.join('\n') + '\n')
console.log(
  `wrote ${lines.length} cases (${handCount} hand-picked, ${randomCount} random of ${tries} generated)` +
    ` to ${out}\nrandom decisions: ${JSON.stringify(tally)}`
)
if (refused.length > 0) {
  console.log(`hand-picked cases the oracle refused (left out):\n  ${refused.join('\n  ')}`)
}
