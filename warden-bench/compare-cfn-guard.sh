#!/usr/bin/env bash
# Side by side, in the same run: AWS CloudFormation Guard (cfn-guard, the binary that the npm
# package @cdklabs/cdk-validator-cfnguard ships, with AWS Control Tower's guard rules for Lambda,
# API Gateway, IAM, SQS, S3, DynamoDB, KMS and Step Functions) validating a folder of generated
# SAM templates, against `warden scan` of the same folder with every rule, the risk scores and the
# JSON report. Whole-process wall time, ROUNDS rounds each, alternating; medians and the ratio.
# Then both are run on the folder plus one broken template, to show how each treats it.
#
#   warden-bench/compare-cfn-guard.sh [TEMPLATES] [ROUNDS]
#
# Needs: a built Warden (./mvnw -Dwarden.fast -DskipTests install), npm (to fetch the package),
# python3 and awk.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
templates="${1:-300}"
rounds="${2:-5}"
work="$here/warden-bench/target/cfn-guard-comparison"
version="0.0.62"
mkdir -p "$work"

guard_dir="$work/cdk-validator-cfnguard-$version"
if [ ! -x "$guard_dir/package/bin/ubuntu/x86_64/cfn-guard" ]; then
  mkdir -p "$guard_dir"
  (cd "$guard_dir" && npm pack "@cdklabs/cdk-validator-cfnguard@$version" >/dev/null 2>&1 \
    && tar xzf cdklabs-cdk-validator-cfnguard-"$version".tgz)
fi
guard="$guard_dir/package/bin/ubuntu/x86_64/cfn-guard"
rules="$work/rules"
rm -rf "$rules" && mkdir -p "$rules"
for service in lambda apigateway identityandaccessmanagement sqs s3 dynamodb keymanagementservice stepfunctions; do
  cp "$guard_dir"/package/rules/control-tower/cfn-guard/"$service"/*.guard "$rules"/
done

corpus="$work/corpus"
if [ ! -d "$corpus" ] || [ "$(find "$corpus" -name template.yaml | wc -l)" != "$templates" ]; then
  rm -rf "$corpus"
  java -cp "$here/warden-bench/target/benchmarks.jar" dev.warden.bench.TemplateCorpus \
    "$corpus" "$templates" 10 120
fi
bytes=$(du -sb "$corpus" | cut -f1)

warden() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$here/warden-cli/target/warden.jar" "$@"; }

seconds() { # runs a command, prints its wall time in seconds; its output goes to a log
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "cfn-guard $("$guard" --version | awk '{print $2}'), $(ls "$rules" | wc -l) Control Tower rules; $templates templates, $((bytes / 1000000)) MB"
warden scan --format json --output /dev/null "$corpus" >/dev/null 2>&1 || true   # first build of caches
guard_times=()
warden_times=()
for round in $(seq "$rounds"); do
  guard_times+=("$(seconds "$guard" validate --rules "$rules" --data "$corpus" --show-summary none --output-format json)")
  warden_times+=("$(seconds warden scan --format json --output "$work/warden-report.json" "$corpus")")
done
g=$(printf '%s\n' "${guard_times[@]}" | median)
w=$(printf '%s\n' "${warden_times[@]}" | median)
echo "cfn-guard validate: ${guard_times[*]} s; median $g s"
echo "warden scan:        ${warden_times[*]} s; median $w s"
echo "ratio (cfn-guard / warden): $(awk -v g="$g" -v w="$w" 'BEGIN {printf "%.2f", g / w}')"
functions=$(python3 -c "import json,sys; d=json.load(open('$work/warden-report.json')); print(d['summary']['functions'], len(d['findings']))")
echo "warden: functions, findings = $functions"

echo
echo "one broken template among them:"
broken="$work/corpus-broken"
rm -rf "$broken" && cp -r "$corpus" "$broken"
mkdir -p "$broken/svc-0000-broken" && printf 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Runtime: python3.12\n' >"$broken/svc-0000-broken/template.yaml"
set +e
"$guard" validate --rules "$rules" --data "$broken" --show-summary none --output-format json >"$work/guard-broken.out" 2>"$work/guard-broken.err"
echo "cfn-guard exit code $?: $(head -c 300 "$work/guard-broken.err" | tr '\n' ' ')"
echo "cfn-guard templates reported: $(grep -c '"name"' "$work/guard-broken.out")"
warden scan --format json --output "$work/warden-broken.json" "$broken" 2>/dev/null
echo "warden exit code $?: $(python3 -c "import json; d=json.load(open('$work/warden-broken.json')); print(d['summary']['functions'], 'functions scanned,', d['summary']['inputErrors'], 'input error(s):', [f['location']['file'] for f in d['findings'] if f['ruleId']=='WDN-INPUT-001'][:3])")"
