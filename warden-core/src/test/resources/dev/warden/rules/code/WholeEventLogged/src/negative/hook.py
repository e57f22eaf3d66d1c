import json


def handler(event, context):
    print(json.dumps({"user": event["userName"]}))
    return event
