using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Http;

namespace StripeSf.Salesforce.Bulk;

/// <summary>The Bulk API 2.0 ingest lifecycle over one <see cref="SalesforceConnection"/>; waits on the injected <see cref="TimeProvider"/>.</summary>
public sealed class SalesforceBulkClient(SalesforceConnection connection, TimeProvider timeProvider, ILogger<SalesforceBulkClient> logger) : ISalesforceBulkClient
{
    /// <summary>Salesforce takes up to 150 MB per upload after base64; 100 MB of CSV stays under it.</summary>
    public const int MaxUploadBytes = 100 * 1024 * 1024;

    /// <summary>First wait between status polls; doubles up to <see cref="MaxPollDelay"/>.</summary>
    public static readonly TimeSpan InitialPollDelay = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between polls: each poll is an API call, so back off instead of spinning.</summary>
    public static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(30);

    /// <summary>How long a job may run before the backfill gives up on waiting (the job itself goes on).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(2);

    /// <inheritdoc />
    public async Task<BulkIngestResult> IngestAsync(BulkIngestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Encoding.UTF8.GetByteCount(request.Csv) > MaxUploadBytes)
        {
            throw new ArgumentException($"Split the CSV: one Bulk API upload takes at most {MaxUploadBytes} bytes", nameof(request));
        }

        var jobId = await CreateJobAsync(request.SObject, request.ExternalIdField, cancellationToken).ConfigureAwait(false);
        await UploadAsync(jobId, request.Csv, cancellationToken).ConfigureAwait(false);
        await CloseAsync(jobId, cancellationToken).ConfigureAwait(false);
        var job = await WaitAsync(jobId, request.SObject, cancellationToken).ConfigureAwait(false);

        var successful = await ResultsAsync(jobId, "successfulResults/", cancellationToken).ConfigureAwait(false);
        var failed = await ResultsAsync(jobId, "failedResults/", cancellationToken).ConfigureAwait(false);
        var unprocessed = await ResultsAsync(jobId, "unprocessedrecords/", cancellationToken).ConfigureAwait(false);
        return new BulkIngestResult(jobId, job.State, job.RecordsProcessed, job.RecordsFailed, job.ErrorMessage, successful, failed, unprocessed);
    }

    /// <summary>Creates an upsert job with CSV content and LF line endings; returns its id.</summary>
    public async Task<string> CreateJobAsync(string sObject, string externalIdField, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["object"] = sObject,
            ["externalIdFieldName"] = externalIdField,
            ["contentType"] = "CSV",
            ["operation"] = "upsert",
            ["lineEnding"] = "LF",
        }.ToJsonString();
        var response = await connection.SendAsync(
            new SalesforceRequest(HttpMethod.Post, "jobs/ingest", "bulk-create", () => new StringContent(payload, Encoding.UTF8, "application/json")),
            cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(response.Body)?["id"]?.GetValue<string>()
            ?? throw new SalesforceApiException(SalesforceFailureKind.Transient, response.StatusCode, [], "Bulk job creation answered without a job id");
    }

    /// <summary>Uploads the job's CSV data.</summary>
    public Task UploadAsync(string jobId, string csv, CancellationToken cancellationToken) =>
        connection.SendAsync(
            new SalesforceRequest(HttpMethod.Put, $"jobs/ingest/{Uri.EscapeDataString(jobId)}/batches", "bulk-upload", () => new StringContent(csv, Encoding.UTF8, "text/csv")),
            cancellationToken);

    /// <summary>Marks the upload complete so Salesforce queues the job.</summary>
    public Task CloseAsync(string jobId, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["state"] = "UploadComplete" }.ToJsonString();
        return connection.SendAsync(
            new SalesforceRequest(HttpMethod.Patch, $"jobs/ingest/{Uri.EscapeDataString(jobId)}", "bulk-close", () => new StringContent(payload, Encoding.UTF8, "application/json")),
            cancellationToken);
    }

    /// <summary>
    /// Waits for a closed job to end and fetches its three result sets (the second half of
    /// <see cref="IngestAsync"/>, for callers that record the job id before uploading).
    /// </summary>
    public async Task<BulkIngestResult> CompleteAsync(string jobId, string sObject, CancellationToken cancellationToken)
    {
        var job = await WaitAsync(jobId, sObject, cancellationToken).ConfigureAwait(false);
        var successful = await ResultsAsync(jobId, "successfulResults/", cancellationToken).ConfigureAwait(false);
        var failed = await ResultsAsync(jobId, "failedResults/", cancellationToken).ConfigureAwait(false);
        var unprocessed = await ResultsAsync(jobId, "unprocessedrecords/", cancellationToken).ConfigureAwait(false);
        return new BulkIngestResult(jobId, job.State, job.RecordsProcessed, job.RecordsFailed, job.ErrorMessage, successful, failed, unprocessed);
    }

    /// <summary>Aborts a job whose upload never completed, so Salesforce never processes a partial CSV.</summary>
    public Task AbortAsync(string jobId, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["state"] = "Aborted" }.ToJsonString();
        return connection.SendAsync(
            new SalesforceRequest(HttpMethod.Patch, $"jobs/ingest/{Uri.EscapeDataString(jobId)}", "bulk-abort", () => new StringContent(payload, Encoding.UTF8, "application/json")),
            cancellationToken);
    }

    /// <summary>Reads the job's state and counters.</summary>
    public async Task<BulkJobInfo> GetJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Get, $"jobs/ingest/{Uri.EscapeDataString(jobId)}", "bulk-status"), cancellationToken).ConfigureAwait(false);
        var root = JsonNode.Parse(response.Body);
        return new BulkJobInfo(
            jobId,
            root?["state"]?.GetValue<string>() ?? "Unknown",
            root?["numberRecordsProcessed"]?.GetValue<long>() ?? 0,
            root?["numberRecordsFailed"]?.GetValue<long>() ?? 0,
            root?["errorMessage"]?.GetValue<string>());
    }

    private async Task<BulkJobInfo> WaitAsync(string jobId, string sObject, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        var delay = InitialPollDelay;
        while (true)
        {
            var job = await GetJobAsync(jobId, cancellationToken).ConfigureAwait(false);
            Log.BulkJobState(logger, jobId, sObject, job.State);
            if (job.IsFinal)
            {
                return job;
            }

            if (timeProvider.GetUtcNow() - started > MaxWait)
            {
                throw new SalesforceApiException(SalesforceFailureKind.Transient, 0, [], $"Bulk job {jobId} still {job.State} after {MaxWait}; look it up in Setup > Bulk Data Load Jobs");
            }

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));
        }
    }

    private async Task<string> ResultsAsync(string jobId, string kind, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(
            new SalesforceRequest(HttpMethod.Get, $"jobs/ingest/{Uri.EscapeDataString(jobId)}/{kind}", "bulk-results", Accept: "text/csv"),
            cancellationToken).ConfigureAwait(false);
        return response.Body;
    }
}
