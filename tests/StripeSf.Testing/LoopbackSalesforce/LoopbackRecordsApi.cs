using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>sobjects/...: upsert by external id, create, update, read, describe; and sObject Collections upsert.</summary>
internal sealed partial class LoopbackRecordsApi(LoopbackOrg org, LoopbackWriter writer)
{
    public LoopbackResult Upsert(string version, string type, string field, string value, JsonObject body, LoopbackJournal journal, bool updateOnly = false)
    {
        var outcome = writer.Upsert(type, field, value, body, journal, updateOnly);
        if (outcome.Status == 300)
        {
            // Salesforce answers 300 with the URLs of the records that matched.
            var urls = outcome.Error!.Message.Split(',').Select(id => (JsonNode)JsonValue.Create($"/services/data/v{version}/sobjects/{type}/{id}")!).ToArray();
            return new LoopbackResult(300, new JsonArray(urls));
        }

        return outcome.Success
            ? new LoopbackResult(outcome.Status, RecordResult(outcome, includeCreated: true))
            : LoopbackResult.Error(outcome.Status, outcome.Error!);
    }

    public LoopbackResult Create(string type, JsonObject body, LoopbackJournal journal)
    {
        var outcome = writer.Create(type, body, journal);
        return outcome.Success
            ? new LoopbackResult(201, new JsonObject { ["id"] = outcome.Id, ["success"] = true, ["errors"] = new JsonArray() })
            : LoopbackResult.Error(outcome.Status, outcome.Error!);
    }

    public LoopbackResult Update(string type, string id, JsonObject body, LoopbackJournal journal)
    {
        var outcome = writer.Update(type, id, body, journal);
        return outcome.Success ? new LoopbackResult(204) : LoopbackResult.Error(outcome.Status, outcome.Error!);
    }

    public LoopbackResult Delete(string type, string id, LoopbackJournal journal)
    {
        if (org.Schema(type) is null || org.Table(type).Get(id) is not { } existing)
        {
            return LoopbackResult.Error(404, new LoopbackError("ENTITY_IS_DELETED", "entity is deleted"));
        }

        journal.Record(org.Table(type), id, existing);
        org.Table(type).Remove(id);
        return new LoopbackResult(204);
    }

    public LoopbackResult Read(string version, string type, string id)
    {
        if (org.Table(type).Get(id) is not { } record)
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        var copy = (JsonObject)record.DeepClone();
        copy.Insert(0, "attributes", Attributes(version, type, id));
        return new LoopbackResult(200, copy);
    }

    public LoopbackResult ReadByExternalId(string version, string type, string field, string value, string? fields)
    {
        var matches = org.Schema(type) is null ? [] : org.Table(type).Find(field, value).ToArray();
        if (matches.Length == 0)
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        if (matches.Length > 1)
        {
            var urls = matches.Select(id => (JsonNode)JsonValue.Create($"/services/data/v{version}/sobjects/{type}/{id}")!).ToArray();
            return new LoopbackResult(300, new JsonArray(urls));
        }

        var record = org.Table(type).Get(matches[0])!;
        var wanted = fields?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var copy = new JsonObject { ["attributes"] = Attributes(version, type, matches[0]) };
        foreach (var (key, node) in record)
        {
            if (wanted is null || key == "Id" || wanted.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                copy[key] = node?.DeepClone();
            }
        }

        return new LoopbackResult(200, copy);
    }

    public LoopbackResult Describe(string type)
    {
        if (org.Schema(type) is not { } schema)
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        var fields = new JsonArray();
        foreach (var name in LoopbackObject.SystemFields)
        {
            fields.Add(Field(name, name == "Id" ? "id" : "datetime", false, false, false));
        }

        foreach (var name in schema.ExternalIdFields)
        {
            fields.Add(Field(name, "string", true, true, true));
        }

        foreach (var name in schema.Fields)
        {
            var isLookup = name.EndsWith("Id", StringComparison.Ordinal) || name == "Account__c";
            fields.Add(Field(name, isLookup ? "reference" : "string", true, true, false));
        }

        foreach (var name in schema.ReadOnlyFields ?? [])
        {
            fields.Add(Field(name, "currency", false, false, false));
        }

        return new LoopbackResult(200, new JsonObject
        {
            ["name"] = schema.Name,
            ["label"] = schema.Name,
            ["createable"] = true,
            ["updateable"] = true,
            ["queryable"] = true,
            ["custom"] = schema.Name.EndsWith("__c", StringComparison.Ordinal),
            ["keyPrefix"] = schema.IdPrefix,
            ["fields"] = fields,
        });
    }

    public LoopbackResult UpsertCollection(string type, string field, JsonObject body)
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
            var value = item[field]?.ToString();
            if (string.IsNullOrEmpty(value))
            {
                outcomes.Add(new WriteOutcome(400, null, false, new LoopbackError("MISSING_ARGUMENT", $"{field} not specified", [field])));
                continue;
            }

            var outcome = writer.Upsert(type, field, value, item, journal);
            outcomes.Add(outcome.Status == 300
                ? outcome with { Error = new LoopbackError("DUPLICATE_EXTERNAL_ID", $"{field}: {value} matched more than 1 record", [field]) }
                : outcome);
        }

        var failed = outcomes.Any(o => !o.Success);
        if (allOrNone && failed)
        {
            journal.Rollback();
        }

        // Collections answer 200 even when records fail; with allOrNone the valid ones are reported rolled back.
        var results = new JsonArray();
        foreach (var outcome in outcomes)
        {
            if (outcome.Success && allOrNone && failed)
            {
                results.Add(new JsonObject { ["id"] = outcome.Id, ["success"] = false, ["errors"] = new JsonArray(LoopbackError.RolledBack.PerRecord()) });
            }
            else if (outcome.Success)
            {
                results.Add(RecordResult(outcome, includeCreated: true));
            }
            else
            {
                results.Add(new JsonObject { ["success"] = false, ["errors"] = new JsonArray(outcome.Error!.PerRecord()) });
            }
        }

        return new LoopbackResult(200, results);
    }

    public static JsonObject Attributes(string version, string type, string id) =>
        new() { ["type"] = type, ["url"] = $"/services/data/v{version}/sobjects/{type}/{id}" };

    private static JsonObject RecordResult(WriteOutcome outcome, bool includeCreated)
    {
        var result = new JsonObject { ["id"] = outcome.Id, ["success"] = true, ["errors"] = new JsonArray() };
        if (includeCreated)
        {
            result["created"] = outcome.Created;
        }

        return result;
    }

    private static JsonObject Field(string name, string type, bool createable, bool updateable, bool externalId) => new()
    {
        ["name"] = name,
        ["label"] = name,
        ["type"] = type,
        ["createable"] = createable,
        ["updateable"] = updateable,
        ["externalId"] = externalId,
        ["unique"] = externalId,
        ["nillable"] = !externalId,
    };
}
