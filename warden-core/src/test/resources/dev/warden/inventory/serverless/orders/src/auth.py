def handler(event, context):
    allowed = event.get("authorizationToken") == "letmein"
    return {"principalId": "user", "policyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow" if allowed else "Deny", "Action": "execute-api:Invoke", "Resource": event["methodArn"]}]}}
