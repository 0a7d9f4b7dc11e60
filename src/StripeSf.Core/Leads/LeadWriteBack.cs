using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Records;

namespace StripeSf.Core.Leads;

/// <summary>
/// Writes each Lead's result back with sObject Collections (≤ 200 Leads per call, never one call per
/// Lead): the Stripe customer id, the status, the reason an admin reads, the sync time and the
/// fingerprint of the values sent.
/// </summary>
public sealed class LeadWriteBack(ISalesforceClient salesforce, TimeProvider time)
{
    /// <summary>Salesforce's text field length for the reason.</summary>
    public const int MaxReasonLength = 255;

    /// <summary>
    /// Writes the outcomes that need it and returns the ids of the Leads written. A Lead Salesforce
    /// refuses permanently (a validation rule, a duplicate customer id) gets a second, minimal write
    /// of the error; a transient refusal leaves it out (the next run tries it again).
    /// </summary>
    public async Task<IReadOnlySet<string>> WriteAsync(IReadOnlyList<LeadOutcome> outcomes, LeadSyncMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(map);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var refused = new List<(LeadOutcome Outcome, string Reason)>();
        var pending = outcomes.Where(o => o.NeedsWriteBack).ToList();
        foreach (var chunk in pending.Chunk(SalesforceClient.MaxCollectionRecords))
        {
            var results = await salesforce.UpdateCollectionAsync(map.Object, chunk.Select(o => Record(o, map)).ToArray(), allOrNone: false, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var result = i < results.Count ? results[i] : new RecordResult(null, false, false, []);
                if (result.Success)
                {
                    written.Add(chunk[i].Lead.Id);
                }
                else if (result.FailureKind == SalesforceFailureKind.Permanent)
                {
                    refused.Add((chunk[i], string.Join("; ", result.Errors.Select(e => $"{e.ErrorCode}: {e.Message}"))));
                }
            }
        }

        foreach (var chunk in refused.Chunk(SalesforceClient.MaxCollectionRecords))
        {
            var records = chunk.Select(r => new JsonObject
            {
                ["Id"] = r.Outcome.Lead.Id,
                [map.Status] = LeadSyncStatus.Error,
                [map.Error] = Clip($"Salesforce refused the sync result: {r.Reason}"),
                [map.Fingerprint] = r.Outcome.Draft?.Fingerprint,
            }).ToArray();
            var results = await salesforce.UpdateCollectionAsync(map.Object, records, allOrNone: false, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                // Written or not, the Lead is done for this run: a Lead Salesforce will not take would otherwise hold the watermark forever.
                if (i >= results.Count || results[i].Success || results[i].FailureKind == SalesforceFailureKind.Permanent)
                {
                    written.Add(chunk[i].Outcome.Lead.Id);
                }
            }
        }

        return written;
    }

    private JsonObject Record(LeadOutcome outcome, LeadSyncMap map)
    {
        var record = new JsonObject { ["Id"] = outcome.Lead.Id, [map.Fingerprint] = outcome.Draft?.Fingerprint };
        switch (outcome.Kind)
        {
            case LeadOutcomeKind.Created or LeadOutcomeKind.Updated:
                record[map.CustomerId] = outcome.CustomerId;
                record[map.Status] = LeadSyncStatus.Synced;
                record[map.Error] = null;
                record[map.SyncedAt] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
                break;
            case LeadOutcomeKind.Skipped:
                record[map.Status] = LeadSyncStatus.Skipped;
                record[map.Error] = Clip(outcome.Reason);
                break;
            default:
                record[map.Status] = LeadSyncStatus.Error;
                record[map.Error] = Clip(outcome.Reason);
                break;
        }

        return record;
    }

    private static string? Clip(string? text) => text is null || text.Length <= MaxReasonLength ? text : text[..(MaxReasonLength - 1)] + "…";
}
