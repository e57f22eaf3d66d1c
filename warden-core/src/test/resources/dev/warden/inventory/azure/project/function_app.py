import azure.functions as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)


@app.route(route="refunds", methods=["POST"], auth_level=func.AuthLevel.ANONYMOUS)
def refund(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("queued")


@app.function_name(name="Receipts")
@app.route(route="receipts")
def receipts(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("[]")


@app.blob_trigger(arg_name="blob", path="uploads/{name}", connection="UploadsStorage")
def scan_upload(blob: func.InputStream):
    pass


@app.timer_trigger(schedule="0 */5 * * * *", arg_name="timer", run_on_startup=False)
def sweep(timer: func.TimerRequest) -> None:
    pass
