using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>Undo log of one transaction, so allOrNone can roll every write back.</summary>
internal sealed class LoopbackJournal
{
    private readonly List<(LoopbackTable Table, string Id, JsonObject? Before)> entries = [];

    public void Record(LoopbackTable table, string id, JsonObject? before) => entries.Add((table, id, before?.DeepClone().AsObject()));

    public void Rollback()
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var (table, id, before) = entries[i];
            if (before is null)
            {
                table.Remove(id);
            }
            else
            {
                table.Put(id, before);
            }
        }

        entries.Clear();
    }
}
