import subprocess

import yaml


def handler(event, context):
    name = event["queryStringParameters"]["name"]
    subprocess.run(["convert", name, "out.png"])
    config = yaml.load(open("config.yaml"), Loader=yaml.SafeLoader)
    body = yaml.safe_load(event["body"])
    return {"name": name, "config": config, "body": body}


def fetch(event, cursor):
    cursor.execute("SELECT * FROM orders WHERE id = %s", (event["id"],))
    with open("/tmp/cache.json") as cache:
        return cache.read()
