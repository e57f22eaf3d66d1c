import subprocess

import yaml


def handler(event, context):
    name = event["queryStringParameters"]["name"]
    subprocess.run(f"convert {name} out.png", shell=True)
    return load(event["body"])


def load(body):
    return yaml.load(body, Loader=yaml.Loader)


def fetch(event, cursor):
    import requests

    url = event["callback"]
    requests.get(url)
    cursor.execute("SELECT * FROM orders WHERE id = '" + event["id"] + "'")
