import jsonpickle
