import boto3

SQS = boto3.client("sqs")


def process(event, context):
    for record in event["Records"]:
        SQS.send_message(QueueUrl="https://sqs.eu-west-1.amazonaws.com/123456789012/receipts", MessageBody=record["body"])
