namespace StripeSf.Core.Ingress;

/// <summary>The webhook answer: HTTP status, a named state and the detail written into the JSON body.</summary>
public sealed record IngressResult(IngressStatus Status, string Detail, string? EventId = null, string? EventType = null, string? Queue = null)
{
    /// <summary>The HTTP status code for <see cref="Status"/>. Never 2xx unless enqueued or deliberately ignored.</summary>
    public int HttpStatusCode => Status switch
    {
        IngressStatus.Accepted or IngressStatus.Duplicate or IngressStatus.Ignored => 200,
        IngressStatus.PayloadTooLarge => 413,
        IngressStatus.EnqueueFailed => 500,
        _ => 400,
    };

    /// <summary>True for the answers that tell Stripe the event is handled.</summary>
    public bool IsSuccess => HttpStatusCode == 200;

    /// <summary>The JSON body: <c>{"status",…}</c> on success, <c>{"error": "…"}</c> otherwise.</summary>
    public IReadOnlyDictionary<string, string?> Body => IsSuccess
        ? new Dictionary<string, string?>
        {
            ["status"] = Status.ToString().ToLowerInvariant(),
            ["eventId"] = EventId,
            ["type"] = EventType,
            ["queue"] = Queue,
            ["detail"] = Detail,
        }
        : new Dictionary<string, string?> { ["error"] = Detail, ["code"] = ToCode(Status) };

    private static string ToCode(IngressStatus status) => status switch
    {
        IngressStatus.BadSignature => "bad_signature",
        IngressStatus.StaleTimestamp => "stale_timestamp",
        IngressStatus.FutureTimestamp => "future_timestamp",
        IngressStatus.MalformedEvent => "malformed_event",
        IngressStatus.ModeMismatch => "mode_mismatch",
        IngressStatus.PayloadTooLarge => "payload_too_large",
        IngressStatus.EnqueueFailed => "enqueue_failed",
        _ => status.ToString().ToLowerInvariant(),
    };
}
