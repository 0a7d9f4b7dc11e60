using System.Text;

namespace StripeSf.Core.Backfill;

/// <summary>The failed-rows CSV: one line per refused row with Salesforce's reason.</summary>
public static class BackfillFailedRows
{
    /// <summary>Writes <paramref name="failures"/> to <paramref name="path"/> (header included, even when empty).</summary>
    public static void Write(string path, IReadOnlyList<BackfillFailure> failures)
    {
        var csv = new StringBuilder("stripe_object,salesforce_object,external_id_field,external_id,salesforce_error\n");
        foreach (var f in failures)
        {
            csv.AppendJoin(',', new[] { f.ObjectType, f.SObject, f.ExternalIdField, f.ExternalId, f.Error }.Select(BackfillCsv.Escape)).Append('\n');
        }

        File.WriteAllText(path, csv.ToString());
    }
}
