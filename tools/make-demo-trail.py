#!/usr/bin/env python3
"""Writes the demo app's CloudTrail sample: a "Groundhog Day" attack on ACME Shop.

The payment webhook (PaymentWebhookFunction) is open and logs request headers with Log4j 2.14.1.
An attacker exploits it, reads the function's temporary credentials from its environment, and uses
them from outside AWS to read the payment secret and mark orders as paid. Lambda's own AssumeRole
of the role for each new execution environment is in the trail too: it ties each key to the
function. Because the function's
execution environments are short-lived, the attacker replays the same short attack every 15
minutes, each time with the credentials of a fresh environment, so that no single event stands
out. Around it, the function's own normal calls from inside Lambda.

Deterministic: the same output on every run. All account ids, addresses (TEST-NET), keys and ids
are made up.

    tools/make-demo-trail.py > examples/acme-shop/trail/cloudtrail-2026-11-20.json
"""
import datetime
import hashlib
import json

ACCOUNT = "123456789012"
REGION = "us-east-1"
ROLE = "acme-shop-PaymentWebhookFunctionRole-1A2B3C4D5E6F"
FUNCTION = "acme-shop-PaymentWebhookFunction-9Z8Y7X6W5V4U"
SECRET = f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:acme/prod/payments-Ab12Cd"
TABLE = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/acme-orders-prod"
LAMBDA_AGENT = "aws-sdk-java/2.25.16 Linux/5.10.227-239.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS Java/17.0.13 vendor/Amazon.com_Inc. exec-env/AWS_Lambda_java17 io/sync http/Apache cfg/retry-mode/legacy"
ATTACKER_AGENT = "aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-1014-aws exe/x86_64.ubuntu.22 prompt/off command/"
ATTACKER_IP = "198.51.100.23"
LAMBDA_IPS = ["54.166.12.201", "3.91.48.77", "44.201.7.135"]


def ident(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def uuid(*parts):
    h = ident(*parts)
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def access_key(environment):
    return "ASIA" + ident("key", environment)[:16].upper()


def identity(environment, created):
    return {
        "type": "AssumedRole",
        "principalId": f"AROA{ident('role')[:17].upper()}:{FUNCTION}",
        "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{ROLE}/{FUNCTION}",
        "accountId": ACCOUNT,
        "accessKeyId": access_key(environment),
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "principalId": f"AROA{ident('role')[:17].upper()}",
                "arn": f"arn:aws:iam::{ACCOUNT}:role/{ROLE}",
                "accountId": ACCOUNT,
                "userName": ROLE,
            },
            "attributes": {"creationDate": created, "mfaAuthenticated": "false"},
        },
    }


def record(when, environment, created, source, name, ip, agent, request, response, resources, read_only,
           management=True, category="Management"):
    return {
        "eventVersion": "1.09",
        "userIdentity": identity(environment, created),
        "eventTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "eventSource": source,
        "eventName": name,
        "awsRegion": REGION,
        "sourceIPAddress": ip,
        "userAgent": agent,
        "requestParameters": request,
        "responseElements": response,
        "requestID": uuid("request", when.isoformat(), name, environment),
        "eventID": uuid("event", when.isoformat(), name, environment),
        "readOnly": read_only,
        "resources": resources,
        "eventType": "AwsApiCall",
        "managementEvent": management,
        "recipientAccountId": ACCOUNT,
        "eventCategory": category,
    }


def lambda_assumes_role(when, environment):
    """Lambda's own AssumeRole of the execution role for a new execution environment: the
    response carries the temporary key, which ties the key to the function."""
    role_arn = f"arn:aws:iam::{ACCOUNT}:role/{ROLE}"
    expiration = (when + datetime.timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "eventVersion": "1.09",
        "userIdentity": {"type": "AWSService", "invokedBy": "lambda.amazonaws.com"},
        "eventTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "eventSource": "sts.amazonaws.com",
        "eventName": "AssumeRole",
        "awsRegion": REGION,
        "sourceIPAddress": "lambda.amazonaws.com",
        "userAgent": "lambda.amazonaws.com",
        "requestParameters": {"roleArn": role_arn, "roleSessionName": FUNCTION, "durationSeconds": 43200},
        "responseElements": {
            "credentials": {"accessKeyId": access_key(environment), "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLE" + ident("token", environment)[:24],
                            "expiration": expiration},
            "assumedRoleUser": {"assumedRoleId": f"AROA{ident('role')[:17].upper()}:{FUNCTION}",
                                "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{ROLE}/{FUNCTION}"},
        },
        "requestID": uuid("request", when.isoformat(), "AssumeRole", environment),
        "eventID": uuid("event", when.isoformat(), "AssumeRole", environment),
        "readOnly": True,
        "resources": [{"accountId": ACCOUNT, "type": "AWS::IAM::Role", "ARN": role_arn}],
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }


def get_secret(when, environment, created, ip, agent):
    return record(when, environment, created, "secretsmanager.amazonaws.com", "GetSecretValue", ip, agent,
                  {"secretId": SECRET}, None,
                  [{"accountId": ACCOUNT, "type": "AWS::SecretsManager::Secret", "ARN": SECRET}], True)


def mark_paid(when, environment, created, ip, agent, order):
    return record(when, environment, created, "dynamodb.amazonaws.com", "UpdateItem", ip, agent,
                  {"tableName": "acme-orders-prod", "key": {"id": {"S": order}},
                   "updateExpression": "SET #s = :paid", "conditionExpression": "attribute_exists(id)"},
                  None, [{"accountId": ACCOUNT, "type": "AWS::DynamoDB::Table", "ARN": TABLE}], False,
                  management=False, category="Data")


def caller_identity(when, environment, created, ip, agent):
    return record(when, environment, created, "sts.amazonaws.com", "GetCallerIdentity", ip, agent, None, None,
                  [], True)


def main():
    start = datetime.datetime(2026, 11, 20, 1, 0, 0)
    records = []
    # Normal traffic: webhooks through the day, each execution environment reading the secret once.
    for n in range(12):
        when = start + datetime.timedelta(minutes=37 * n + 3)
        environment = f"normal-{n // 3}"
        created = (start + datetime.timedelta(minutes=37 * (n - n % 3))).strftime("%Y-%m-%dT%H:%M:%SZ")
        ip = LAMBDA_IPS[n % len(LAMBDA_IPS)]
        if n % 3 == 0:
            records.append(lambda_assumes_role(when - datetime.timedelta(seconds=1), environment))
            records.append(get_secret(when, environment, created, ip, LAMBDA_AGENT))
        records.append(mark_paid(when + datetime.timedelta(seconds=1), environment, created, ip, LAMBDA_AGENT,
                                 f"ord-{1000 + n}"))
    # The attack: the same three calls from outside AWS, every 15 minutes, with fresh credentials.
    first = start + datetime.timedelta(hours=2, minutes=14)
    for replay in range(24):
        when = first + datetime.timedelta(minutes=15 * replay)
        environment = f"stolen-{replay}"
        created = (when - datetime.timedelta(seconds=40)).strftime("%Y-%m-%dT%H:%M:%SZ")
        # the attacker's request starts a fresh execution environment, whose key it steals
        records.append(lambda_assumes_role(when - datetime.timedelta(seconds=40), environment))
        records.append(caller_identity(when, environment, created, ATTACKER_IP, ATTACKER_AGENT + "sts.get-caller-identity"))
        records.append(get_secret(when + datetime.timedelta(seconds=2), environment, created, ATTACKER_IP,
                                  ATTACKER_AGENT + "secretsmanager.get-secret-value"))
        records.append(mark_paid(when + datetime.timedelta(seconds=4), environment, created, ATTACKER_IP,
                                 ATTACKER_AGENT + "dynamodb.update-item", f"ord-{7000 + replay}"))
    records.sort(key=lambda r: (r["eventTime"], r["eventName"]))
    print('{"Records": [')
    for i, r in enumerate(records):
        print(json.dumps(r, separators=(",", ":")) + ("," if i < len(records) - 1 else ""))
    print("]}")


main()
