using System.Text.Json.Nodes;
using Stripe;
using StripeSf.Core.Reconciliation;
using StripeSf.Salesforce.Bulk;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Backfill;

/// <summary>
/// Streams Stripe lists (100 per page; Stripe.net retries 429s and honours <c>Stripe-Should-Retry</c>),
/// maps every object with the webhooks' flows (<see cref="BackfillMapper"/>) and writes each chunk with
/// Bulk API 2.0 upsert jobs by external id — one job per subrequest of the flow's plan, in the plan's
/// order, so parents (Accounts) are written before children (Contacts, Opportunities), and one object
/// type after the other (<see cref="BackfillObjects.All"/>: customers' jobs all end before
/// subscriptions are read, then invoices, charges, refunds, disputes). A record appears once per job
/// (the first row for its key: Salesforce refuses a key twice in one job). The Account roll-ups
/// child objects write are kept for the newest object of each customer only (<see cref="BackfillRollups"/>).
/// Memory is bounded by the chunk, plus one roll-up entry per customer. Email matching runs first for
/// each chunk of customers (<see cref="BackfillContactClaims"/>). Before each list, one search call asks
/// Stripe how many objects it holds, for the ETA (<see cref="BackfillTotals"/>). After every chunk the checkpoint
/// moves on; see <see cref="BackfillCheckpoint"/>.
/// </summary>
public sealed class BackfillRunner(ReconciliationStripeClient stripe, BackfillMapper mapper, SalesforceBulkClient? bulk, BackfillContactClaims? claims, TimeProvider time)
{
    private readonly BackfillTotals _totals = new(stripe);

    /// <summary>Runs <paramref name="request"/>; a dry run reads Stripe and maps, and neither writes Salesforce nor the checkpoint.</summary>
    public async Task<BackfillResult> RunAsync(BackfillRequest request, IBackfillProgress progress, CancellationToken cancellationToken)
    {
        var unknown = request.Objects.Where(o => !BackfillObjects.All.Contains(o)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"cannot backfill {string.Join(", ", unknown)} (Stripe object types: {string.Join(", ", BackfillObjects.All)})", nameof(request));
        }

        var checkpoint = await OpenCheckpointAsync(request, cancellationToken).ConfigureAwait(false);
        var rollupsPath = BackfillCheckpoint.RollupsPath(request.CheckpointPath);
        var rollups = request.DryRun || !request.Resume ? new BackfillRollups(mapper.RollupGuards) : BackfillRollups.Load(rollupsPath, mapper.RollupGuards);
        var tallies = new Dictionary<string, BackfillTally>(StringComparer.Ordinal);
        var failures = new List<BackfillFailure>();
        var sample = new List<BackfillRow>();
        var jobs = 0;
        foreach (var objectType in checkpoint.Objects)
        {
            var tally = tallies[objectType] = new BackfillTally();
            var cursor = request.DryRun ? new BackfillCursor() : checkpoint.For(objectType);
            tally.Read = cursor.Read;
            var sampled = 0;
            if (!cursor.Done)
            {
                progress.ObjectStarted(objectType, await _totals.EstimateAsync(objectType, checkpoint.Since, cancellationToken).ConfigureAwait(false), tally);
            }

            while (!cursor.Done)
            {
                var (rows, emails, last, more, read) = await ReadChunkAsync(objectType, checkpoint, cursor.After, request.ChunkSize, rollups, tally, cancellationToken).ConfigureAwait(false);
                tally.Read += read;
                foreach (var row in rows)
                {
                    tally.Rows[row.SObject] = tally.Rows.GetValueOrDefault(row.SObject) + 1;
                }

                if (request.DryRun)
                {
                    // A sample per object type: its first rows.
                    var taken = rows.Take(Math.Max(0, request.SampleSize - sampled)).ToList();
                    sample.AddRange(taken);
                    sampled += taken.Count;
                }
                else
                {
                    if (claims is not null && emails.Count > 0)
                    {
                        rows.InsertRange(0, await claims.RowsAsync(emails, cancellationToken).ConfigureAwait(false));
                    }

                    foreach (var role in rows.GroupBy(r => (r.Role, r.SObject, r.ExternalIdField)))
                    {
                        jobs++;
                        await WriteJobAsync(objectType, [.. role.DistinctBy(r => r.ExternalId, StringComparer.Ordinal)], checkpoint, request.CheckpointPath, tally, failures, progress, cancellationToken).ConfigureAwait(false);
                    }
                }

                cursor.After = last ?? cursor.After;
                cursor.Read += read;
                cursor.Done = !more;
                if (!request.DryRun)
                {
                    // The roll-ups first: a crash between the two re-reads the chunk, whose times are kept again.
                    rollups.Save(rollupsPath);
                    checkpoint.Save(request.CheckpointPath);
                }

                progress.ChunkDone(objectType, tally);
            }

            progress.ObjectDone(objectType, tally);
        }

        return new BackfillResult(tallies, failures, sample, jobs);
    }

    private async Task<BackfillCheckpoint> OpenCheckpointAsync(BackfillRequest request, CancellationToken cancellationToken)
    {
        var ordered = BackfillObjects.All.Where(request.Objects.Contains).ToList();
        if (request.DryRun || !request.Resume)
        {
            var fresh = new BackfillCheckpoint { StartedAt = time.GetUtcNow(), Since = request.Since, Objects = ordered };
            if (!request.DryRun)
            {
                fresh.Save(request.CheckpointPath);
                // A previous run's roll-ups must not decide this one's, even if it dies before its first save.
                System.IO.File.Delete(BackfillCheckpoint.RollupsPath(request.CheckpointPath));
            }

            return fresh;
        }

        var checkpoint = BackfillCheckpoint.Load(request.CheckpointPath)
            ?? throw new InvalidOperationException($"--resume: no checkpoint at {request.CheckpointPath}; start without --resume");
        foreach (var job in checkpoint.OpenJobs)
        {
            // The chunk in flight is written again from the cursor, so its old job only has to end:
            // an upload that never completed is aborted (never processed half), a closed one waited for.
            if (job.Closed)
            {
                await Bulk.CompleteAsync(job.Id, job.SObject, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AbortQuietlyAsync(job.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        checkpoint.OpenJobs.Clear();
        checkpoint.Save(request.CheckpointPath);
        return checkpoint;
    }

    private SalesforceBulkClient Bulk => bulk ?? throw new InvalidOperationException("the backfill needs the Salesforce settings (Salesforce__*) to write");

    private async Task AbortQuietlyAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await Bulk.AbortAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException)
        {
            // Already ended or gone: nothing will process it either way.
        }
    }

    private async Task<(List<BackfillRow> Rows, List<(string, string)> Emails, string? Last, bool More, long Read)> ReadChunkAsync(
        string objectType, BackfillCheckpoint checkpoint, string? after, int chunkSize, BackfillRollups rollups, BackfillTally tally, CancellationToken cancellationToken)
    {
        var rows = new List<BackfillRow>();
        var emails = new List<(string, string)>();
        long read = 0;
        var more = true;
        while (more && read < chunkSize)
        {
            // The moment before the request is the read time: an event created after it may not be in
            // the answer, so it must win; one created before it is in the answer, so it must lose.
            var readAt = time.GetUtcNow();
            var options = BackfillSource.ListOptions(objectType, (int)Math.Min(100, chunkSize - read), after, checkpoint.Since);
            var page = await GetAsync($"/v1/{objectType}", options, cancellationToken).ConfigureAwait(false);
            foreach (var item in page["data"]?.AsArray() ?? [])
            {
                if (item is not JsonObject stripeObject || stripeObject["id"]?.GetValue<string>() is not { } id)
                {
                    continue;
                }

                var (mapped, skipped) = await mapper.MapAsync(objectType, stripeObject, readAt, checkpoint.StartedAt, cancellationToken).ConfigureAwait(false);
                if (skipped is not null)
                {
                    tally.Skipped++;
                }

                var asOf = BackfillSource.AsOf(stripeObject);
                rows.AddRange(mapped.Where(r => !r.Rollup || rollups.Keep(r, asOf)));
                if (objectType == BackfillObjects.Customers && stripeObject["email"] is JsonValue email && email.TryGetValue<string>(out var address) && address.Length > 0)
                {
                    emails.Add((id, address));
                }

                after = id;
                read++;
            }

            more = page["has_more"]?.GetValue<bool>() == true;
        }

        return (rows, emails, after, more, read);
    }

    private async Task WriteJobAsync(string objectType, IReadOnlyList<BackfillRow> rows, BackfillCheckpoint checkpoint, string checkpointPath, BackfillTally tally,
        List<BackfillFailure> failures, IBackfillProgress progress, CancellationToken cancellationToken)
    {
        var first = rows[0];
        var jobId = await Bulk.CreateJobAsync(first.SObject, first.ExternalIdField, cancellationToken).ConfigureAwait(false);
        checkpoint.OpenJobs.Add(new BackfillOpenJob(jobId, first.SObject, false));
        checkpoint.Save(checkpointPath);
        progress.JobStarted(objectType, first.SObject, jobId, rows.Count);
        await Bulk.UploadAsync(jobId, BackfillCsv.Write(rows), cancellationToken).ConfigureAwait(false);
        await Bulk.CloseAsync(jobId, cancellationToken).ConfigureAwait(false);
        checkpoint.OpenJobs[^1] = checkpoint.OpenJobs[^1] with { Closed = true };
        checkpoint.Save(checkpointPath);
        var result = await Bulk.CompleteAsync(jobId, first.SObject, cancellationToken).ConfigureAwait(false);
        Tally(objectType, first, result, tally, failures);
        checkpoint.OpenJobs.RemoveAll(j => j.Id == jobId);
        checkpoint.Save(checkpointPath);
    }

    private static void Tally(string objectType, BackfillRow job, BulkIngestResult result, BackfillTally tally, List<BackfillFailure> failures)
    {
        var successful = BackfillCsv.Read(result.SuccessfulResultsCsv);
        var created = successful.Count > 0 ? Array.IndexOf(successful[0], "sf__Created") : -1;
        foreach (var row in successful.Skip(1).Where(r => r.Length > 1))
        {
            if (created >= 0 && created < row.Length && row[created] == "true")
            {
                tally.Created++;
            }
            else
            {
                tally.Updated++;
            }
        }

        var failed = BackfillCsv.Read(result.FailedResultsCsv);
        if (failed.Count > 0)
        {
            var error = Array.IndexOf(failed[0], "sf__Error");
            var key = Array.IndexOf(failed[0], job.ExternalIdField);
            foreach (var row in failed.Skip(1).Where(r => r.Length > 1))
            {
                var reason = error >= 0 && error < row.Length ? row[error] : "";
                if (reason.StartsWith("FIELD_CUSTOM_VALIDATION_EXCEPTION", StringComparison.Ordinal) && reason.Contains(SalesforceErrorClassifier.StaleEventMarker, StringComparison.Ordinal))
                {
                    tally.Stale++;
                    continue;
                }

                tally.Failed++;
                failures.Add(new BackfillFailure(objectType, job.SObject, job.ExternalIdField, key >= 0 && key < row.Length ? row[key] : "", reason));
            }
        }

        var unprocessed = BackfillCsv.Read(result.UnprocessedRecordsCsv);
        if (unprocessed.Count > 1)
        {
            var key = Array.IndexOf(unprocessed[0], job.ExternalIdField);
            foreach (var row in unprocessed.Skip(1).Where(r => r.Length > 1 || r[0].Length > 0))
            {
                tally.Failed++;
                failures.Add(new BackfillFailure(objectType, job.SObject, job.ExternalIdField, key >= 0 && key < row.Length ? row[key] : "",
                    $"not processed: job {result.JobId} ended {result.State}{(result.ErrorMessage is { } m ? $" ({m})" : "")}"));
            }
        }
    }

    private async Task<JsonObject> GetAsync(string path, BaseOptions options, CancellationToken cancellationToken)
    {
        await using var stream = await stripe.Client.RequestStreamingAsync(HttpMethod.Get, path, options, null, cancellationToken).ConfigureAwait(false);
        return (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false))?.AsObject()
            ?? throw new InvalidOperationException($"Stripe answered GET {path} with an empty body.");
    }
}
