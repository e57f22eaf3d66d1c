import os

STRIPE_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc00"
DB_PASSWORD = "Wint3r-is-c0ming!"


def handler(event, context):
    return {"ok": True}
