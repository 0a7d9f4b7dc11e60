namespace StripeSf.Salesforce.Bulk;

/// <summary>The state of an ingest job as <c>jobs/ingest/{id}</c> reports it.</summary>
public sealed record BulkJobInfo(string Id, string State, long RecordsProcessed, long RecordsFailed, string? ErrorMessage)
{
    /// <summary>JobComplete, Failed or Aborted: nothing more will happen.</summary>
    public bool IsFinal => State is "JobComplete" or "Failed" or "Aborted";
}
