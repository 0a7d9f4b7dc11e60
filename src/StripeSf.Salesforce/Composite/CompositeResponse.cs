namespace StripeSf.Salesforce.Composite;

/// <summary>The per-subrequest results of a Composite API call, in request order.</summary>
public sealed record CompositeResponse(IReadOnlyList<CompositeSubresponse> Results);
