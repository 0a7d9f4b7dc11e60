namespace StripeSf.Core.Healing;

/// <summary>
/// The webhook endpoints that deliver to this app: those that are enabled and send every routed
/// type at the pinned API version (<see cref="Healthy"/>, as "id (url)"), and every problem found.
/// </summary>
public sealed record EndpointHealth(IReadOnlyList<string> Healthy, IReadOnlyList<EndpointFinding> Findings)
{
    /// <summary>True when at least one endpoint is enabled and sends every routed type (events arrive, whatever the version).</summary>
    public bool Delivers { get; init; }

    /// <summary>The lines the reconciliation Case and the report carry (empty when all is well).</summary>
    public IEnumerable<string> Lines() => Findings.Select(f => $"Stripe webhook endpoint: {f.Problem} (fix: {f.Fix})");
}
