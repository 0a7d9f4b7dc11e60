using System.Text.Json;

namespace StripeSf.Core.Processing;

/// <summary>
/// One Stripe event as flows see it: the payload, parsed once, read through the facts layer (which
/// owns every API-version difference), and the processing attempt.
/// </summary>
public sealed record StripeEventContext(JsonElement Raw, int Attempt)
{
    /// <summary>The event id.</summary>
    public string EventId => Raw.GetProperty("id").GetString()!;

    /// <summary>The event type.</summary>
    public string Type => Raw.GetProperty("type").GetString()!;

    /// <summary>When Stripe created the event: the order key for the stale-event guard.</summary>
    public DateTimeOffset Created => DateTimeOffset.FromUnixTimeSeconds(Raw.GetProperty("created").GetInt64());

    /// <summary>The raw <c>data.object</c>.</summary>
    public JsonElement DataObject => Raw.GetProperty("data").GetProperty("object");

    /// <summary>The typed facts of <see cref="DataObject"/>, read across API versions (see <see cref="global::StripeSf.Core.Facts.EventFacts"/>).</summary>
    public global::StripeSf.Core.Facts.EventFacts Facts => global::StripeSf.Core.Facts.EventFacts.Of(Raw);
}
