namespace StripeSf.Core.Leads;

/// <summary>One run: from <paramref name="Since"/> instead of the stored watermark when given; <paramref name="DryRun"/> reads only.</summary>
public sealed record LeadSyncRequest(DateTimeOffset? Since = null, bool DryRun = false);
