"""Cognito pre-sign-up hook: auto-confirms shop customers."""
import json


def handler(event, context):
    # Logs the whole event: e-mail address, phone number and every other attribute of the new user.
    print(json.dumps(event))
    attributes = event["request"]["userAttributes"]
    if attributes.get("email", "").endswith("@acme-shop.example"):
        event["response"]["autoConfirmUser"] = True
    return event
