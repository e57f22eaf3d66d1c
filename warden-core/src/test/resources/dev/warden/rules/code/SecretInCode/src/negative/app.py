import hashlib
import os

DB_PASSWORD = os.environ["DB_PASSWORD"]
API_TOKEN_PARAM = "/prod/api/token"
CHECKSUM = "8f14e45fceea167a5a36dedd4bea2543c0ffee11"
PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"


def handler(event, context):
    password = event["password"]
    return {"hash": hashlib.sha256(password.encode()).hexdigest()}
