namespace StripeSf.Core.Leads;

/// <summary>Told after each page of Leads (≤ 200), so a long run shows how far it got.</summary>
public interface ILeadSyncProgress
{
    /// <summary>The counts so far and the watermark reached.</summary>
    void Report(LeadSyncCounts counts, LeadWatermark? watermark);
}
