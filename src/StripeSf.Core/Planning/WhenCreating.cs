using System.Text.Json.Nodes;

namespace StripeSf.Core.Planning;

/// <summary>
/// How a write changes when its record does not exist yet (first sight). Upserts are sent without
/// the fields only creation needs, so names people gave existing records are never overwritten;
/// when Salesforce answers <c>REQUIRED_FIELD_MISSING</c> — or the event normally brings new records —
/// the pipeline sends the plan again with these variants for exactly the missing records. Part of
/// the plan, so no flow is planned twice and nothing about first sight lives on the event.
/// </summary>
/// <param name="AddFields">Fields written only when creating (a Contract's Status), unless the write already sets them.</param>
/// <param name="FirstReferenceId">Reference id of a subrequest of its own, in front of the write, that creates the record (an Account under its placeholder name).</param>
/// <param name="FirstFields">The body of that subrequest.</param>
public sealed record WhenCreating(JsonObject? AddFields = null, string? FirstReferenceId = null, JsonObject? FirstFields = null);
