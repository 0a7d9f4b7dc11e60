using System.Net;
using Stripe;

namespace StripeSf.Core.Leads;

/// <summary>Runs one Stripe call under the <see cref="StripeCallPolicy"/>: retries what it says to retry, throws <see cref="StripeCallException"/> otherwise.</summary>
public sealed class StripeCalls(StripeCallPolicy policy, TimeProvider time)
{
    /// <summary>Retries taken so far (each one a Stripe 429, 409, 5xx or network failure).</summary>
    public int Retries => Volatile.Read(ref _retries);

    private int _retries;

    /// <summary>The call's result, after as many attempts as the policy allows.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            StripeCallDecision decision;
            Exception failure;
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (StripeException ex)
            {
                var status = ex.HttpStatusCode == 0 ? (int?)null : (int)ex.HttpStatusCode;
                string? shouldRetry = null;
                if (ex.StripeResponse?.Headers is { } headers && headers.TryGetValues("Stripe-Should-Retry", out var values))
                {
                    shouldRetry = values.FirstOrDefault();
                }

                decision = policy.Decide(status, shouldRetry, ex.StripeError?.Message ?? ex.Message, attempt);
                failure = ex;
            }
            catch (HttpRequestException ex)
            {
                decision = policy.Decide(ex.StatusCode is { } code ? (int)code : null, null, ex.Message, attempt);
                failure = ex;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                decision = policy.Decide(null, null, "timed out", attempt);
                failure = ex;
            }

            if (decision.Verdict != StripeCallVerdict.Retry)
            {
                throw new StripeCallException(decision, failure);
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(decision.Delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True for Stripe's 404 <c>resource_missing</c> (a deleted or unknown customer).</summary>
    public static bool IsMissing(StripeException ex) =>
        ex?.HttpStatusCode == HttpStatusCode.NotFound && ex.StripeError?.Code == "resource_missing";
}
