import sneaky

def handler(event, context):
    return sneaky.run()
