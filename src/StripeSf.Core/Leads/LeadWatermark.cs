namespace StripeSf.Core.Leads;

/// <summary>How far the Lead sync got: the change time of the last Lead safely in Stripe (and linked back), and that Lead's id.</summary>
public sealed record LeadWatermark(DateTimeOffset Modstamp, string LeadId);
