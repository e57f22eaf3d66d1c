#!/usr/bin/env bash
# Regenerates the version-ordering fixtures from the reference implementations:
# node-semver (npm's own, installed from the npm registry into a scratch folder) and Python's
# `packaging` as it ships inside pip. Each output line is one group of equal versions, groups in
# ascending order. The Java orderings are tested against these files (VersionFixturesTest).
#   tools/version-fixtures/generate.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../warden-core/src/test/resources/dev/warden/deps"
mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

(cd "$scratch" && npm init -y >/dev/null && npm install --silent semver@7 >/dev/null)
NODE_PATH="$scratch/node_modules" node - "$here/npm-versions.txt" > "$out/npm-order.txt" <<'JS'
const fs = require('fs');
const semver = require('semver');
const versions = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
versions.sort(semver.compare);
const groups = [];
for (const v of versions) {
  const last = groups[groups.length - 1];
  if (last && semver.compare(last[0], v) === 0) last.push(v); else groups.push([v]);
}
console.log('# sorted by node-semver ' + require('semver/package.json').version + ' (semver.compare)');
for (const g of groups) console.log(g.join(' '));
JS

python3 - "$here/pypi-versions.txt" > "$out/pypi-order.txt" <<'PY'
import sys
from pip._vendor.packaging import version as pv
from pip._vendor import packaging
versions = [l.strip() for l in open(sys.argv[1]) if l.strip()]
versions.sort(key=pv.Version)
groups = []
for v in versions:
    if groups and pv.Version(groups[-1][0]) == pv.Version(v):
        groups[-1].append(v)
    else:
        groups.append([v])
print('# sorted by packaging ' + packaging.__version__ + ' (pip._vendor.packaging.version.Version)')
for g in groups:
    print(' '.join(g))
PY
# Random versions of every shape (seeded, so the files are stable), sorted by the same references.
python3 - > "$scratch/pypi-random.txt" <<'PY'
import random
r = random.Random(440)
def num(): return str(r.choice([0, 1, 2, 3, 10, r.randint(0, 100000)]))
for _ in range(400):
    v = r.choice(["", "", "", "1!"]) + ".".join(num() for _ in range(r.randint(1, 4)))
    if r.random() < 0.4: v += r.choice(["a", "b", "rc", "c", "alpha", "-beta", ".pre", "preview"]) + r.choice(["", "0", "1", "12"])
    if r.random() < 0.3: v += r.choice([".post1", ".post0", "-2", "post", ".rev3", "_r4"])
    if r.random() < 0.3: v += r.choice([".dev0", ".dev5", "dev", "-dev2"])
    if r.random() < 0.3: v += r.choice(["+abc", "+1", "+abc.2", "+1.abc", "+01", "+Ubuntu-3"])
    print(v)
PY
python3 - "$scratch/pypi-random.txt" > "$out/pypi-random-order.txt" <<'PY'
import sys
from pip._vendor.packaging import version as pv
from pip._vendor import packaging
versions = sorted({l.strip() for l in open(sys.argv[1]) if l.strip()}, key=pv.Version)
groups = []
for v in versions:
    if groups and pv.Version(groups[-1][0]) == pv.Version(v):
        groups[-1].append(v)
    else:
        groups.append([v])
print('# 400 random versions (seed 440) sorted by packaging ' + packaging.__version__)
for g in groups:
    print(' '.join(sorted(g)))
PY
NODE_PATH="$scratch/node_modules" node > "$out/npm-random-order.txt" <<'JS'
const semver = require('semver');
let seed = 2024;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (a) => a[Math.floor(rand() * a.length)];
const num = () => String(pick([0, 1, 2, 3, 10, Math.floor(rand() * 100000)]));
const set = new Set();
for (let i = 0; i < 400; i++) {
  let v = num() + '.' + num() + '.' + num();
  if (rand() < 0.5) {
    const ids = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) ids.push(pick([num(), 'alpha', 'beta', 'rc', 'x', 'X', 'a-b', '-', '0a']));
    v += '-' + ids.join('.');
  }
  if (rand() < 0.2) v += pick(['+build.5', '+001']);
  set.add(v);
}
const versions = [...set].sort(semver.compare);
const groups = [];
for (const v of versions) {
  const last = groups[groups.length - 1];
  if (last && semver.compare(last[0], v) === 0) last.push(v); else groups.push([v]);
}
console.log('# 400 random versions (seed 2024) sorted by node-semver ' + require('semver/package.json').version);
for (const g of groups) console.log(g.sort().join(' '));
JS
echo "wrote the fixtures into $out"
