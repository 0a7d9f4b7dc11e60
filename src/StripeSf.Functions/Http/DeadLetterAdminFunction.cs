using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Http;

/// <summary>
/// Operator endpoints for dead letters (function or admin key). Routes live under <c>ops/</c>
/// because the Functions host reserves <c>admin/</c> for itself.
/// </summary>
public sealed class DeadLetterAdminFunction(DeadLetterAdministrator deadLetters)
{
    /// <summary>GET ops/deadletters[?queue=invoice.payment_failed]: count, oldest and top reasons per queue.</summary>
    [Function("DeadLetterSummary")]
    public async Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/deadletters")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var queue = request.Query["queue"].ToString();
        return await Answer(async () => await deadLetters.SummarizeAsync(queue.Length == 0 ? null : queue, cancellationToken));
    }

    /// <summary>POST ops/deadletters/{queue}/replay?count=N: moves N dead letters back onto their queue with new MessageIds.</summary>
    [Function("DeadLetterReplay")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ops/deadletters/{queue}/replay")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken)
    {
        var count = int.TryParse(request.Query["count"], out var n) ? n : 1;
        return await Answer(async () =>
        {
            var replayed = await deadLetters.ReplayAsync(queue, count, cancellationToken);
            return new { queue, replayed = replayed.Count, eventIds = replayed };
        });
    }

    private static async Task<IActionResult> Answer<T>(Func<Task<T>> action)
    {
        try
        {
            return new OkObjectResult(await action());
        }
        catch (ArgumentException ex)
        {
            return new BadRequestObjectResult(new { error = ex.Message });
        }
    }
}
