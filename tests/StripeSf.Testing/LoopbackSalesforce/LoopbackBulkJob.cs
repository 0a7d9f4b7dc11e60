using System.Text;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>One Bulk API 2.0 ingest job and its results.</summary>
internal sealed class LoopbackBulkJob(string id, string sObject, string externalIdField, string operation)
{
    public string Id { get; } = id;

    public string SObject { get; } = sObject;

    public string ExternalIdField { get; } = externalIdField;

    public string Operation { get; } = operation;

    public string State { get; set; } = "Open";

    public StringBuilder Data { get; } = new();

    public int PollsLeft { get; set; }

    public long Processed { get; set; }

    public long Failed { get; set; }

    public string Successful { get; set; } = string.Empty;

    public string FailedRows { get; set; } = string.Empty;

    public string Unprocessed { get; set; } = string.Empty;
}
