"""Audits each push to the infrastructure repository for changed IAM files."""
import boto3

codecommit = boto3.client("codecommit")


def handler(event, context):
    records = event.get("Records") or [{"codecommit": {"references": []}, "eventSourceARN": event.get("repositoryArn", "")}]
    changed = []
    for record in records:
        repository = record["eventSourceARN"].split(":")[-1]
        for reference in record["codecommit"]["references"]:
            commit = codecommit.get_commit(repositoryName=repository, commitId=reference["commit"])["commit"]
            changed.append({"repository": repository, "commit": commit["commitId"], "message": commit["message"]})
    return {"changed": changed}
