// Shows how the oracle decided recorded cases, to investigate a disagreement:
//   node explain-case.mjs random-0174 hand-012
// prints each case compactly and, per policy type, the oracle's result and the statements
// (policy#Sid or policy#position from 1) that allowed or denied.
import { runSimulation } from '@cloud-copilot/iam-simulate'
import { readFileSync } from 'node:fs'
const all = readFileSync('../../warden-core/src/test/resources/dev/warden/iam/oracle/cases.jsonl','utf8').split('\n').filter(Boolean).map(JSON.parse)
for (const id of process.argv.slice(2)) {
const c = all.find(x=>x.id===id)
const named = (l,p)=>(l??[]).map((policy,i)=>({name:p+i,policy}))
const res = await runSimulation({request:{principal:c.principal,action:c.action,resource:{resource:c.resource,accountId:c.resourceAccount},contextVariables:c.context},
   identityPolicies:named(c.policies,'identity'),serviceControlPolicies:(c.scps??[]).map((l,i)=>({orgIdentifier:'l'+i,policies:named(l,'scp'+i+'-')})),resourceControlPolicies:(c.rcps??[]).map((l,i)=>({orgIdentifier:'l'+i,policies:named(l,'rcp'+i+'-')})),
   ...(c.resourcePolicy?{resourcePolicy:c.resourcePolicy}:{}),...(c.permissionBoundary?{permissionBoundaryPolicies:[{name:'b',policy:c.permissionBoundary}]}:{}),...(c.sessionPolicy?{sessionPolicy:c.sessionPolicy}:{})},{})
const ctx = Object.fromEntries(Object.entries(c.context).filter(([k])=>!['aws:CurrentTime','aws:EpochTime','aws:PrincipalIsAWSService'].includes(k)))
console.log(`== ${id}: ${c.principal} ${c.action} ${c.resource} acct=${c.resourceAccount} expected=${c.expected}`)
console.log('ctx', JSON.stringify(ctx))
for (const k of ['policies','resourcePolicy','permissionBoundary','sessionPolicy','scps','rcps']) if (c[k] && (c[k].length===undefined || c[k].length)) console.log(k, JSON.stringify(c[k]))
const a = res.result?.analysis
const show = (name, x) => { if (!x) return; const f = (l)=> (l??[]).map(s=>`${s.policyId}#${s.explain?.identifier}`).join(','); console.log(`  ${name}: ${x.result} allow[${f(x.allowStatements)}] deny[${f(x.denyStatements)}]`) }
console.log('  oracle:', a?.result ?? JSON.stringify(res.errors))
show('identity', a?.identityAnalysis); show('resource', a?.resourceAnalysis); show('boundary', a?.permissionBoundaryAnalysis); show('session', a?.sessionAnalysis)
for (const [n, x] of [['scp', a?.scpAnalysis], ['rcp', a?.rcpAnalysis]]) if (x) console.log(`  ${n}: ${x.result} ` + JSON.stringify((x.ouAnalysis??[]).map(o=>({r:o.result, allow:(o.allowStatements??[]).map(s=>s.policyId+'#'+s.explain?.identifier), deny:(o.denyStatements??[]).map(s=>s.policyId+'#'+s.explain?.identifier)}))))
}
