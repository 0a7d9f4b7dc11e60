using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>PATCH composite/sobjects: update up to 200 records by id, each naming its type in <c>attributes</c>.</summary>
internal sealed partial class LoopbackRecordsApi
{
    public LoopbackResult UpdateCollection(JsonObject body)
    {
        var records = body["records"] as JsonArray ?? [];
        if (records.Count > 200)
        {
            return LoopbackResult.Error(400, new LoopbackError("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call"));
        }

        var allOrNone = body["allOrNone"]?.GetValue<bool>() ?? false;
        var journal = new LoopbackJournal();
        var outcomes = new List<WriteOutcome>();
        foreach (var item in records.OfType<JsonObject>())
        {
            var type = item["attributes"]?["type"]?.ToString();
            var id = (item["Id"] ?? item["id"])?.ToString();
            if (string.IsNullOrEmpty(type))
            {
                outcomes.Add(new WriteOutcome(400, null, false, new LoopbackError("INVALID_TYPE", "sObject type must be specified in attributes", [])));
                continue;
            }

            if (string.IsNullOrEmpty(id) || org.Table(type).Get(id) is null)
            {
                // Salesforce's answer for an id that names no record of the type (see the shared fixture).
                outcomes.Add(new WriteOutcome(400, null, false, new LoopbackError("MALFORMED_ID", $"{type} ID: id value of incorrect type: {id}", ["Id"])));
                continue;
            }

            var fields = (JsonObject)item.DeepClone();
            fields.Remove("id");
            outcomes.Add(writer.Update(type, id, fields, journal));
        }

        var failed = outcomes.Any(o => !o.Success);
        if (allOrNone && failed)
        {
            journal.Rollback();
        }

        var results = new JsonArray();
        foreach (var outcome in outcomes)
        {
            results.Add(outcome switch
            {
                { Success: true } when allOrNone && failed => new JsonObject { ["id"] = outcome.Id, ["success"] = false, ["errors"] = new JsonArray(LoopbackError.RolledBack.PerRecord()) },
                { Success: true } => new JsonObject { ["id"] = outcome.Id, ["success"] = true, ["errors"] = new JsonArray() },
                _ => new JsonObject { ["success"] = false, ["errors"] = new JsonArray(outcome.Error!.PerRecord()) },
            });
        }

        return new LoopbackResult(200, results);
    }
}
