using System.Text.Json;

namespace StripeSf.Core.Processing;

/// <summary>
/// One Stripe event as flows see it: the payload, parsed once, read through the facts layer (which
/// owns every API-version difference), and the processing attempt.
/// </summary>
public sealed record StripeEventContext(JsonElement Raw, int Attempt)
{
    /// <summary>
    /// False on the first try: records are upserted without the fields Salesforce requires only to
    /// create them (an Account's or Opportunity's Name), so names people gave existing records are
    /// never overwritten. True (every record) for events that normally bring new records.
    /// </summary>
    public bool IncludeCreateFields { get; init; }

    /// <summary>
    /// The subrequests Salesforce refused for a missing required field (REQUIRED_FIELD_MISSING): the
    /// records that do not exist yet. The processor plans once more with this set, and only those
    /// records get their create fields — a second call on first sight only.
    /// </summary>
    public IReadOnlySet<string> CreateFieldsFor { get; init; } = new HashSet<string>();

    /// <summary>True when the record written by subrequest <paramref name="referenceId"/> must carry its create-only fields.</summary>
    public bool MustCreate(string referenceId) => IncludeCreateFields || CreateFieldsFor.Contains(referenceId);


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
