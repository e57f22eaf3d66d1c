"""Orders API: list, create and fetch orders for the shop front end and partners."""
import json
import os
import uuid

import boto3
import yaml

TABLE = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
QUEUE_URL = os.environ["ORDER_QUEUE_URL"]
sqs = boto3.client("sqs")


def handler(event, context):
    method = event.get("httpMethod", "GET")
    if method == "POST":
        return create_order(event)
    if event.get("pathParameters"):
        return get_order(event["pathParameters"]["id"])
    return list_orders(event)


def create_order(event):
    # Partners may post orders as YAML; yaml.load builds arbitrary Python objects from it.
    order = yaml.load(event["body"], Loader=yaml.Loader)
    order["id"] = str(uuid.uuid4())
    TABLE.put_item(Item=order)
    sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps(order))
    return {"statusCode": 201, "body": json.dumps({"id": order["id"]})}


def get_order(order_id):
    item = TABLE.get_item(Key={"id": order_id}).get("Item")
    return {"statusCode": 200 if item else 404, "body": json.dumps(item or {})}


def list_orders(event):
    params = event.get("queryStringParameters") or {}
    export_format = params.get("format", "json")
    items = TABLE.scan(Limit=100)["Items"]
    with open("/tmp/orders.json", "w") as out:
        json.dump(items, out)
    os.system("python3 -m exporters.convert /tmp/orders.json --to " + export_format)
    return {"statusCode": 200, "body": json.dumps(items)}
