using Azure;
using Azure.Data.Tables;

namespace StripeSf.Core.Leads;

/// <summary>
/// The watermark as one entity of an Azure Table in the Function App's own storage account
/// (<c>AzureWebJobsStorage</c>): partition <c>lead-sync</c>, row = the synced sObject. The table is
/// created on first use, and the client built then (so an app without the setting still starts and the
/// run fails naming it).
/// </summary>
public sealed class TableLeadWatermarkStore(Func<TableClient> createTable, string sObject) : ILeadWatermarkStore
{
    private const string Partition = "lead-sync";
    private readonly Lazy<TableClient> _table = new(createTable);
    private int _created;

    private TableClient Table => _table.Value;

    /// <inheritdoc />
    public async Task<LeadWatermark?> ReadAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sObject, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!entity.HasValue || entity.Value is not { } row)
        {
            return null;
        }

        var modstamp = row.GetDateTimeOffset("Modstamp");
        return modstamp is null ? null : new LeadWatermark(modstamp.Value, row.GetString("LeadId") ?? "");
    }

    /// <inheritdoc />
    public async Task SaveAsync(LeadWatermark watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, sObject)
        {
            ["Modstamp"] = watermark.Modstamp.ToUniversalTime(),
            ["LeadId"] = watermark.LeadId,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 1)
        {
            return;
        }

        try
        {
            await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Created by a concurrent run between the check and the create.
        }

        Volatile.Write(ref _created, 1);
    }
}
