import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def handler(event, context):
    return {"statusCode": 200, "body": json.dumps(TABLE.get_item(Key={"id": event["pathParameters"]["id"]}))}
