using System.Globalization;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>The outcome of one record write.</summary>
internal sealed record WriteOutcome(int Status, string? Id, bool Created, LoopbackError? Error)
{
    public bool Success => Error is null;
}

/// <summary>
/// Record writes as Salesforce performs them: upsert by external id (300 on several matches),
/// unique external ids (DUPLICATE_VALUE), the stale-event PRIORVALUE validation rule, and the
/// UNABLE_TO_LOCK_ROW fault. Every change goes through a journal so allOrNone can undo it.
/// </summary>
internal sealed class LoopbackWriter(LoopbackOrg org)
{
    /// <summary>Fields guarded by the stale-event rule end with this suffix.</summary>
    public const string EventAtSuffix = "_Event_At__c";

    /// <summary>The integration user that owns records created without an owner.</summary>
    public const string DefaultOwnerId = "005LB0000000001AAA";

    public WriteOutcome Upsert(string type, string externalIdField, string externalId, JsonObject body, LoopbackJournal journal, bool updateOnly = false)
    {
        var schema = org.Schema(type);
        if (schema is null)
        {
            return new WriteOutcome(404, null, false, LoopbackError.NotFound);
        }

        if (!schema.IsExternalId(externalIdField) && !string.Equals(externalIdField, "Id", StringComparison.OrdinalIgnoreCase))
        {
            return new WriteOutcome(404, null, false, new LoopbackError("NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {externalIdField}"));
        }

        var table = org.Table(type);
        var matches = string.Equals(externalIdField, "Id", StringComparison.OrdinalIgnoreCase)
            ? (table.Get(externalId) is null ? [] : new[] { externalId })
            : table.Find(externalIdField, externalId).ToArray();
        if (matches.Length > 1)
        {
            return new WriteOutcome(300, null, false, new LoopbackError("MULTIPLE_CHOICES", string.Join(",", matches)));
        }

        if (matches.Length == 0 && updateOnly)
        {
            // ?updateOnly=true: Salesforce refuses to create the record.
            return new WriteOutcome(404, null, false, LoopbackError.NotFound);
        }

        var fields = (JsonObject)body.DeepClone();
        fields.Remove("attributes");
        fields[schema.ExternalIdFields.FirstOrDefault(f => string.Equals(f, externalIdField, StringComparison.OrdinalIgnoreCase)) ?? externalIdField] = externalId;
        return matches.Length == 1
            ? Update(type, matches[0], fields, journal)
            : Create(type, fields, journal);
    }

    public WriteOutcome Create(string type, JsonObject body, LoopbackJournal journal)
    {
        var schema = org.Schema(type);
        if (schema is null)
        {
            return new WriteOutcome(404, null, false, LoopbackError.NotFound);
        }

        var id = org.NewId(schema.Name);
        body = ResolveLookups(body, out var lookupProblem);
        var missing = schema.RequiredOnCreate?.Where(f => body[f] is null).ToArray() ?? [];
        var problem = lookupProblem
            ?? Check(schema, id, null, body)
            ?? (missing.Length > 0 ? new LoopbackError("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing) : null);
        if (problem is not null)
        {
            return new WriteOutcome(400, null, false, problem);
        }

        var table = org.Table(schema.Name);
        var record = (JsonObject)body.DeepClone();
        record.Remove("attributes");
        record["Id"] = id;
        record["CreatedDate"] = org.Now();
        record["LastModifiedDate"] = org.Now();
        record["SystemModstamp"] = record["LastModifiedDate"]!.DeepClone();
        foreach (var (field, value) in schema.Defaults ?? new Dictionary<string, bool>())
        {
            record[field] ??= value;
        }

        if (record["OwnerId"] is null && schema.Fields.Contains("OwnerId"))
        {
            record["OwnerId"] = DefaultOwnerId;
        }

        LoopbackRollups.AfterWrite(org, schema.Name, record, inserting: true, journal);
        journal.Record(table, id, null);
        table.Put(id, record);
        LoopbackRollups.AfterWrite(org, schema.Name, record, inserting: false, journal);
        return new WriteOutcome(201, id, true, null);
    }

    public WriteOutcome Update(string type, string id, JsonObject body, LoopbackJournal journal)
    {
        var schema = org.Schema(type);
        var table = org.Table(type);
        if (schema is null || table.Get(id) is not { } existing)
        {
            return new WriteOutcome(404, null, false, new LoopbackError("ENTITY_IS_DELETED", "entity is deleted"));
        }

        if (string.Equals(schema.Name, "Lead", StringComparison.Ordinal) && existing["IsConverted"] is JsonValue converted && converted.TryGetValue<bool>(out var isConverted) && isConverted)
        {
            return new WriteOutcome(400, id, false, new LoopbackError("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead"));
        }

        body = ResolveLookups(body, out var lookupProblem);
        var problem = lookupProblem ?? Check(schema, id, existing, body);
        if (problem is not null)
        {
            return new WriteOutcome(400, id, false, problem);
        }

        var record = (JsonObject)existing.DeepClone();
        foreach (var (key, value) in body)
        {
            if (key is not "attributes" and not "Id")
            {
                record[key] = value?.DeepClone();
            }
        }

        record["LastModifiedDate"] = org.Now();
        record["SystemModstamp"] = record["LastModifiedDate"]!.DeepClone();
        journal.Record(table, id, existing);
        table.Put(id, record);
        LoopbackRollups.AfterWrite(org, schema.Name, record, inserting: false, journal);
        return new WriteOutcome(200, id, false, null);
    }

    private LoopbackError? Check(LoopbackObject schema, string id, JsonObject? existing, JsonObject body)
    {
        if (org.Chance(org.Faults.UnableToLockRowRate))
        {
            return LoopbackError.LockRow(id);
        }

        foreach (var (key, value) in body)
        {
            if (key == "attributes")
            {
                continue;
            }

            if (org.Options.StrictFields && !schema.HasField(key))
            {
                return new LoopbackError("INVALID_FIELD", $"No such column '{key}' on sobject of type {schema.Name}", [key]);
            }

            if (schema.ReadOnlyFields?.Contains(key, StringComparer.OrdinalIgnoreCase) == true)
            {
                return new LoopbackError("INVALID_FIELD_FOR_INSERT_UPDATE", $"Unable to create/update fields: {key}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.", [key]);
            }

            // The shipped validation rule: ISCHANGED(X_Event_At__c) && X_Event_At__c < PRIORVALUE(X_Event_At__c).
            if (existing is not null && key.EndsWith(EventAtSuffix, StringComparison.OrdinalIgnoreCase)
                && Instant(value) is { } incoming && Instant(existing[key]) is { } stored && incoming < stored)
            {
                return new LoopbackError(
                    "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                    $"STALE_EVENT: {key} {incoming:O} is older than the stored {stored:O}; a newer Stripe event was already applied");
            }

            if (schema.IsExternalId(key) && value is JsonValue unique && unique.ToString() is { Length: > 0 } text)
            {
                var holder = org.Table(schema.Name).Find(key, text).FirstOrDefault(other => other != id);
                if (holder is not null)
                {
                    return new LoopbackError("DUPLICATE_VALUE", $"duplicate value found: {key} duplicates value on record with id: {holder}");
                }
            }
        }

        return null;
    }

    // A lookup set by the parent's external id — "Account__r": {"Stripe_Customer_Id__c": "cus_1"} or
    // "Account": {...} — becomes the parent's Id in Account__c / AccountId, as Salesforce does it.
    private JsonObject ResolveLookups(JsonObject body, out LoopbackError? problem)
    {
        problem = null;
        var resolved = (JsonObject)body.DeepClone();
        foreach (var (key, value) in body)
        {
            if (value is not JsonObject reference || key == "attributes" || reference.Count != 1)
            {
                continue;
            }

            var (field, node) = reference.First();
            var parentType = key.EndsWith("__r", StringComparison.Ordinal) ? key[..^3] : key;
            var matches = org.Schema(parentType) is null ? [] : org.Table(parentType).Find(field, node?.ToString() ?? "").ToArray();
            if (matches.Length != 1)
            {
                problem = new LoopbackError("INVALID_FIELD", $"Foreign key external ID: {node} not found for field {field} in entity {parentType}", [key]);
                return body;
            }

            resolved.Remove(key);
            resolved[key.EndsWith("__r", StringComparison.Ordinal) ? key[..^3] + "__c" : key + "Id"] = matches[0];
        }

        return resolved;
    }

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text.Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
}
