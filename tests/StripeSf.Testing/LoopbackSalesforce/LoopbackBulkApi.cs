using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// jobs/ingest: create (Open), PUT batches (CSV), PATCH UploadComplete (processed at once, then
/// reported InProgress for a configurable number of polls), GET state, and the three result sets.
/// </summary>
internal sealed class LoopbackBulkApi(LoopbackOrg org, LoopbackWriter writer)
{
    private readonly Dictionary<string, LoopbackBulkJob> jobs = new(StringComparer.Ordinal);
    private int nextJob;

    public LoopbackResult Create(string version, JsonObject body)
    {
        var sObject = body["object"]?.GetValue<string>() ?? string.Empty;
        if (org.Schema(sObject) is null)
        {
            return LoopbackResult.Error(400, new LoopbackError("INVALIDENTITY", $"Entity '{sObject}' is not supported by the Bulk API."));
        }

        var id = "750LB" + Interlocked.Increment(ref nextJob).ToString("D10", CultureInfo.InvariantCulture) + "AAA";
        var job = new LoopbackBulkJob(id, sObject, body["externalIdFieldName"]?.GetValue<string>() ?? "Id", body["operation"]?.GetValue<string>() ?? "insert");
        jobs[id] = job;
        return new LoopbackResult(200, Info(version, job));
    }

    public LoopbackResult Upload(string id, string csv)
    {
        if (!jobs.TryGetValue(id, out var job))
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        if (job.State != "Open")
        {
            return LoopbackResult.Error(409, new LoopbackError("INVALIDJOBSTATE", $"Job {id} is not Open"));
        }

        job.Data.Append(csv);
        return new LoopbackResult(201);
    }

    public LoopbackResult Patch(string version, string id, JsonObject body)
    {
        if (!jobs.TryGetValue(id, out var job))
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        var state = body["state"]?.GetValue<string>();
        if (state == "Aborted")
        {
            job.State = "Aborted";
        }
        else if (state == "UploadComplete" && job.State == "Open")
        {
            Process(job);
            job.State = org.Options.BulkPollsUntilComplete > 0 ? "InProgress" : "JobComplete";
            job.PollsLeft = org.Options.BulkPollsUntilComplete;
            return new LoopbackResult(200, Info(version, job, "UploadComplete"));
        }
        else
        {
            return LoopbackResult.Error(400, new LoopbackError("INVALIDJOBSTATE", $"Cannot move job {id} from {job.State} to {state}"));
        }

        return new LoopbackResult(200, Info(version, job));
    }

    public LoopbackResult Get(string version, string id)
    {
        if (!jobs.TryGetValue(id, out var job))
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        if (job.State == "InProgress" && --job.PollsLeft <= 0)
        {
            job.State = "JobComplete";
        }

        return new LoopbackResult(200, Info(version, job));
    }

    public LoopbackResult Results(string id, string kind)
    {
        if (!jobs.TryGetValue(id, out var job))
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        return kind.ToLowerInvariant() switch
        {
            "successfulresults" => LoopbackResult.Csv(job.Successful),
            "failedresults" => LoopbackResult.Csv(job.FailedRows),
            "unprocessedrecords" => LoopbackResult.Csv(job.Unprocessed),
            _ => LoopbackResult.Error(404, LoopbackError.NotFound),
        };
    }

    private void Process(LoopbackBulkJob job)
    {
        var rows = LoopbackCsv.Parse(job.Data.ToString());
        if (rows.Count == 0)
        {
            return;
        }

        var header = rows[0];
        var successful = new StringBuilder(LoopbackCsv.Row(["sf__Id", "sf__Created", .. header])).Append('\n');
        var failed = new StringBuilder(LoopbackCsv.Row(["sf__Id", "sf__Error", .. header])).Append('\n');
        foreach (var row in rows.Skip(1).Where(r => r.Length > 1 || r[0].Length > 0))
        {
            var record = new JsonObject();
            for (var i = 0; i < header.Length && i < row.Length; i++)
            {
                // Bulk API: an empty cell leaves the field alone; #N/A sets it to null.
                if (row[i].Length > 0 && header[i].IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
                {
                    // A relationship column (Account.Stripe_Customer_Id__c) looks the parent up by its external id.
                    record[header[i][..dot]] = new JsonObject { [header[i][(dot + 1)..]] = row[i] };
                }
                else if (row[i].Length > 0)
                {
                    record[header[i]] = row[i] == "#N/A" ? null : row[i];
                }
            }

            var key = record[job.ExternalIdField]?.ToString() ?? string.Empty;
            var outcome = key.Length == 0
                ? new WriteOutcome(400, null, false, new LoopbackError("MISSING_ARGUMENT", $"{job.ExternalIdField} not specified"))
                : writer.Upsert(job.SObject, job.ExternalIdField, key, record, new LoopbackJournal());
            job.Processed++;
            if (outcome.Success)
            {
                successful.Append(LoopbackCsv.Row([outcome.Id!, outcome.Created ? "true" : "false", .. row])).Append('\n');
            }
            else
            {
                job.Failed++;
                var error = outcome.Status == 300 ? new LoopbackError("DUPLICATE_EXTERNAL_ID", "more than one record found for external id") : outcome.Error!;
                failed.Append(LoopbackCsv.Row([string.Empty, $"{error.Code}:{error.Message}:--", .. row])).Append('\n');
            }
        }

        job.Successful = successful.ToString();
        job.FailedRows = failed.ToString();
        job.Unprocessed = LoopbackCsv.Row(header) + "\n";
    }

    private static JsonObject Info(string version, LoopbackBulkJob job, string? state = null) => new()
    {
        ["id"] = job.Id,
        ["operation"] = job.Operation,
        ["object"] = job.SObject,
        ["createdById"] = LoopbackWriter.DefaultOwnerId,
        ["state"] = state ?? job.State,
        ["externalIdFieldName"] = job.ExternalIdField,
        ["concurrencyMode"] = "Parallel",
        ["contentType"] = "CSV",
        ["apiVersion"] = decimal.Parse(version, CultureInfo.InvariantCulture),
        ["contentUrl"] = $"services/data/v{version}/jobs/ingest/{job.Id}/batches",
        ["lineEnding"] = "LF",
        ["columnDelimiter"] = "COMMA",
        ["numberRecordsProcessed"] = job.Processed,
        ["numberRecordsFailed"] = job.Failed,
    };
}
