import colorama
