from lxml import etree
from pymongo import MongoClient

users = MongoClient()["shop"]["users"]


def handler(event, context):
    active = users.find_one({"status": "active"})
    doc = etree.fromstring(event["body"])
    title = event["title"]
    at = title.find(":")
    return {"active": active, "doc": doc, "at": at}
