using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Ingress;

namespace StripeSf.Functions.Http;

/// <summary>POST api/stripe/webhook: Stripe's webhook endpoint. Verifies, routes, enqueues; never calls Salesforce.</summary>
public sealed class StripeWebhookFunction(WebhookIngress ingress)
{
    /// <summary>Answers Stripe: 200 accepted/duplicate/ignored, 400 with the problem, 413, or 500 so Stripe retries.</summary>
    [Function(nameof(StripeWebhookFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "stripe/webhook")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await ingress.AcceptAsync(request.Body, request.ContentLength, request.Headers["Stripe-Signature"].ToString(), cancellationToken);
        return new JsonResult(result.Body) { StatusCode = result.HttpStatusCode };
    }
}
