namespace StripeSf.Salesforce.Bulk;

/// <summary>
/// A finished ingest job: the final state and the three result sets as CSV text (successful rows
/// carry <c>sf__Id</c>/<c>sf__Created</c>, failed rows <c>sf__Error</c>, unprocessed rows the input).
/// </summary>
public sealed record BulkIngestResult(
    string JobId,
    string State,
    long RecordsProcessed,
    long RecordsFailed,
    string? ErrorMessage,
    string SuccessfulResultsCsv,
    string FailedResultsCsv,
    string UnprocessedRecordsCsv);
