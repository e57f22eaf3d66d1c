def nightly(event, context):
    return "ok"


def leak(event, context):
    return "ok"
