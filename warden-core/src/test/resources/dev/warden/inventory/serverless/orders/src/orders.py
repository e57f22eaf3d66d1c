import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def create(event, context):
    order = json.loads(event["body"])
    TABLE.put_item(Item=order)
    return {"statusCode": 201, "body": json.dumps(order)}


def list(event, context):
    return {"statusCode": 200, "body": json.dumps(TABLE.get_item(Key={"id": "1"}))}
