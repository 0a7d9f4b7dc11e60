using System.Globalization;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Benchmarks;

/// <summary>
/// The loopback Stripe (N customers with their history, <see cref="StripeHistory"/>) and the loopback
/// org, served from a process of their own (<c>backfill-stand-ins N</c>) so that the backfill's
/// memory is measured without the data set the stand-ins hold. Prints <c>stripe URL</c>,
/// <c>salesforce URL</c> and <c>objects N</c>, then answers each line on stdin (<c>calls</c>: the
/// Salesforce API calls and Stripe requests so far) until stdin closes.
/// </summary>
public static class BackfillStandIns
{
    /// <summary>Serves until stdin closes.</summary>
    public static async Task ServeAsync(int customers)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bench", ClientSecret = "bench", BulkPollsUntilComplete = 1 });
        long objects = 0;
        for (var i = 0; i < customers; i++)
        {
            objects += StripeHistory.AddCustomer(stripe, "bench", i, 1_700_000_000 + i);
        }

        Console.WriteLine($"stripe {stripe.BaseUrl}");
        Console.WriteLine($"salesforce {salesforce.BaseUrl}");
        Console.WriteLine($"objects {objects.ToString(CultureInfo.InvariantCulture)}");
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "calls")
            {
                Console.WriteLine($"{salesforce.ApiCalls.ToString(CultureInfo.InvariantCulture)} {stripe.Requests.Count.ToString(CultureInfo.InvariantCulture)}");
                Console.Out.Flush();
            }
        }
    }
}
