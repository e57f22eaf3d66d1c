import boto3

S3 = boto3.client("s3")


def thumbnail(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = record["s3"]["object"]["key"]
        S3.get_object(Bucket=bucket, Key=key)
