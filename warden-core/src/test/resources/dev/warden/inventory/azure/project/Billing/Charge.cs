using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Invoices.Billing;

public class Charge
{
    [Function("Charge")]
    public HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "charge")] HttpRequestData req)
    {
        return req.CreateResponse();
    }

    [Function(nameof(Settle))]
    public void Settle([ServiceBusTrigger("settlements", Connection = "Bus")] string message)
    {
    }
}
