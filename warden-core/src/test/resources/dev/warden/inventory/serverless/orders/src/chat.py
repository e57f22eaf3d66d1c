def message(event, context):
    return {"statusCode": 200}
