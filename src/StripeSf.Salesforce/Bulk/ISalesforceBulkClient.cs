namespace StripeSf.Salesforce.Bulk;

/// <summary>Bulk API 2.0 ingest for backfills: thousands of records in a handful of API calls.</summary>
public interface ISalesforceBulkClient
{
    /// <summary>Creates an upsert job, uploads the CSV, closes it, polls with backoff until it ends and fetches the results.</summary>
    Task<BulkIngestResult> IngestAsync(BulkIngestRequest request, CancellationToken cancellationToken);
}
