#!/usr/bin/env bash
# Regenerates the range fixtures: for every declared range in npm-ranges.txt / pypi-specifiers.txt
# and every version of the ordering fixtures, whether the reference implementation admits it —
# node-semver's satisfies(version, range, {includePrerelease: true}) and pip's packaging
# SpecifierSet.contains(version, prereleases=True). Output lines: range TAB version TAB true|false.
# VersionRangeTest checks Warden's reading against them.
#   tools/version-fixtures/generate-ranges.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../warden-core/src/test/resources/dev/warden/deps"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

(cd "$scratch" && npm init -y >/dev/null && npm install --silent semver@7 >/dev/null)
NODE_PATH="$scratch/node_modules" node - "$here/npm-ranges.txt" "$here/npm-range-versions.txt" > "$out/npm-ranges.tsv" <<'JS'
const fs = require('fs');
const semver = require('semver');
const lines = (f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
console.log('# node-semver ' + require('semver/package.json').version + ' satisfies(version, range, {includePrerelease: true})');
for (const range of lines(process.argv[2])) {
  for (const v of lines(process.argv[3])) {
    if (!semver.valid(v)) continue;
    console.log(range + '\t' + v + '\t' + semver.satisfies(v, range, { includePrerelease: true }));
  }
}
JS

python3 - "$here/pypi-specifiers.txt" "$here/pypi-range-versions.txt" > "$out/pypi-specifiers.tsv" <<'PY'
import sys
from pip._vendor import packaging
from pip._vendor.packaging.specifiers import SpecifierSet
from pip._vendor.packaging.version import Version
lines = lambda f: [l.strip() for l in open(f) if l.strip() and not l.startswith('#')]
print('# packaging ' + packaging.__version__ + ' SpecifierSet(spec).contains(version, prereleases=True)')
for spec in lines(sys.argv[1]):
    s = SpecifierSet(spec)
    for v in lines(sys.argv[2]):
        print(spec + '\t' + v + '\t' + str(s.contains(Version(v), prereleases=True)).lower())
PY
