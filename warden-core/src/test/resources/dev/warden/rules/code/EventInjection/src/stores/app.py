import boto3
from lxml import etree
from pymongo import MongoClient

users = MongoClient()["shop"]["users"]
PARSER = etree.XMLParser(resolve_entities=True)


def handler(event, context):
    user = users.find_one({"name": event["name"], "password": event["password"]})
    doc = etree.fromstring(event["body"], PARSER)
    boto3.client("dynamodb").execute_statement(Statement=f"SELECT * FROM orders WHERE id = '{event['id']}'")
    return {"user": user, "doc": doc}
