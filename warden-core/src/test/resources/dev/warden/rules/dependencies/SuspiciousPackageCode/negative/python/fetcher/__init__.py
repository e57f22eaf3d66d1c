import os
from urllib.request import urlopen


def get(url):
    proxy = os.environ.get('HTTPS_PROXY')
    return urlopen(url).read()
