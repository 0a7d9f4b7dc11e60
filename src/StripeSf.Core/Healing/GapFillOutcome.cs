namespace StripeSf.Core.Healing;

/// <summary>What became of one gap-filled event: <see cref="State"/> is <c>enqueued</c> or a replay state; <see cref="Failed"/> when it did not reach Salesforce or a queue.</summary>
public sealed record GapFillOutcome(string EventId, string Type, string State, string Detail, bool Failed);
