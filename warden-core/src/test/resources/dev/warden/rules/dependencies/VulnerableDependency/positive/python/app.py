import jsonpickle


def handler(event, context):
    return jsonpickle.encode(event)
