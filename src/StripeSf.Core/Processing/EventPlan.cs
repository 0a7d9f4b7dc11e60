using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Processing;

/// <summary>What the processor would do with one event file, computed without network (<c>stripesf plan</c>).</summary>
public sealed record EventPlan(string? EventId, string? Type, string? Queue, string Outcome, string Detail, CompositeRequest Salesforce)
{
    /// <summary>The event would be written with <see cref="Salesforce"/>.</summary>
    public const string Write = "write";

    /// <summary>Routed, but the handler has nothing to write.</summary>
    public const string NothingToWrite = "nothing-to-write";

    /// <summary>The ingress would answer 200 and not enqueue it.</summary>
    public const string Ignored = "ignored";

    /// <summary>Not a readable Stripe event (the ingress answers 400, or the processor dead-letters it).</summary>
    public const string Malformed = "malformed";

    /// <summary>The processor would dead-letter it as unmappable.</summary>
    public const string Unmappable = "unmappable";
}
