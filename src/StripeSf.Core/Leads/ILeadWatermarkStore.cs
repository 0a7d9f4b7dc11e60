namespace StripeSf.Core.Leads;

/// <summary>Where the Lead sync's watermark is kept (the I/O seam; Azure Table storage in the product).</summary>
public interface ILeadWatermarkStore
{
    /// <summary>The watermark, or null before the first run.</summary>
    Task<LeadWatermark?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Stores the watermark, replacing the previous one.</summary>
    Task SaveAsync(LeadWatermark watermark, CancellationToken cancellationToken);
}
