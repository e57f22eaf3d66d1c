import boto3

S3 = boto3.client("s3")


def handler(event, context):
    for record in event.get("Records", []):
        S3.get_object(Bucket=record["s3"]["bucket"]["name"], Key=record["s3"]["object"]["key"])
