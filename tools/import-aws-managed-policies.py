#!/usr/bin/env python3
"""Bundles the AWS-managed policy documents for warden-core.

Reads the iam-dataset export (MIT, iann0036/iam-dataset; see its README for the revision), adds the
policies in aws-managed-policies-supplement.json that the export lacks (taken from the AWS Managed
Policy Reference), and writes one policy per line, sorted by name, so that Warden can index the
file cheaply and parse only the policies a scan refers to. Policies the export lists without an ARN
(deprecated ones) get the ARN of their name under arn:aws:iam::aws:policy/. Re-run after updating
the source:

    tools/import-aws-managed-policies.py ../shared/data/iam-dataset
"""
import json
import pathlib
import shutil
import sys

here = pathlib.Path(__file__).resolve().parent
source = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/iam-dataset")
target = here.parent / "warden-core/src/main/resources/dev/warden/iam"
data = json.loads((source / "aws-managed-policies.json").read_text(encoding="utf-8"))
supplement = json.loads((here / "aws-managed-policies-supplement.json").read_text(encoding="utf-8"))

policies = {}
for policy in data["policies"]:
    name = policy["name"].removesuffix(".json")
    arn = policy.get("arn") or "arn:aws:iam::aws:policy/" + name
    policies[name] = {"name": name, "arn": arn, "document": policy["document"]}
added = []
for policy in supplement["policies"]:
    if policy["name"] not in policies:
        policies[policy["name"]] = policy
        added.append(policy["name"])

with open(target / "aws-managed-policies.jsonl", "w", encoding="utf-8") as out:
    header = {"source": data["source"] + "; plus " + ", ".join(added) + " from " + supplement["source"],
              "revision": "iam-dataset " + data["source"].split(" at commit ")[1] + " + " + supplement["revision"],
              "count": len(policies)}
    out.write(json.dumps(header, separators=(",", ":")) + "\n")
    for name in sorted(policies):
        policy = policies[name]
        line = {"name": policy["name"], "arn": policy["arn"], "document": policy["document"]}
        out.write(json.dumps(line, separators=(",", ":")) + "\n")
shutil.copyfile(source / "LICENSE", target / "iam-dataset.LICENSE")
shutil.copyfile(source / "NOTICE", target / "iam-dataset.NOTICE")
print(f"wrote {len(policies)} policies ({len(added)} from the supplement)")
