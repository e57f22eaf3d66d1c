#!/usr/bin/env python3
"""Builds warden-core's bundled SDK-to-IAM table from iann0036/iam-dataset's map.json.

    python3 tools/sdk-map/build_sdk_map.py ../shared/data/iam-dataset/sdk-map-2023-01-01.json

Keeps, for every "Service.Method" of the AWS SDK (JavaScript v2 class names), the IAM actions it
needs with their resource templates (resource_mappings, arn_override) and flags (undocumented,
dependent action); the SDK service to IAM prefix table; the methods that need no permission.
Writes warden-core/src/main/resources/dev/warden/code/sdk-actions.json.gz, deterministic (sorted
keys, fixed gzip mtime). The source is MIT licensed (Copyright (c) 2021 Ian Mckay): the output
carries the attribution and THIRD-PARTY.md lists it.
"""
import gzip
import json
import pathlib
import sys

SOURCE = "iann0036/iam-dataset map.json at commit e06c7e62b (2023-01-01)"
LICENSE = "MIT License, Copyright (c) 2021 Ian Mckay (https://github.com/iann0036/iam-dataset)"


def template(mapping):
    return mapping.get("template") if isinstance(mapping, dict) else None


def main(path):
    data = json.loads(pathlib.Path(path).read_text())
    methods = {}
    prefixes = {}
    for name, entries in sorted(data["sdk_method_iam_mappings"].items()):
        service = name.split(".", 1)[0]
        out = []
        for entry in entries:
            item = {"a": entry["action"]}
            resources = {
                k: template(v)
                for k, v in sorted((entry.get("resource_mappings") or {}).items())
                if template(v) is not None
            }
            if resources:
                item["r"] = resources
            override = template(entry.get("arn_override"))
            if override:
                item["o"] = override
            if entry.get("undocumented"):
                item["u"] = True
            if entry.get("documented_dependant_action"):
                item["d"] = True
            out.append(item)
            prefixes.setdefault(service, entry["action"].split(":", 1)[0])
        methods[name] = out
    for sdk, prefix in data["sdk_service_mappings"].items():
        if " " not in sdk:
            prefixes[sdk] = prefix
    result = {
        "source": SOURCE,
        "license": LICENSE,
        "dataDate": "2023-01-01",
        "permissionless": sorted(data["sdk_permissionless_actions"]),
        "services": dict(sorted(prefixes.items())),
        "methods": methods,
    }
    target = pathlib.Path(__file__).resolve().parents[2] / (
        "warden-core/src/main/resources/dev/warden/code/sdk-actions.json.gz"
    )
    raw = json.dumps(result, sort_keys=True, separators=(",", ":")).encode()
    with open(target, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
            gz.write(raw)
    print(f"{len(methods)} methods, {len(prefixes)} services -> {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/iam-dataset/sdk-map-2023-01-01.json")
