namespace StripeSf.Core.Reconciliation;

/// <summary>What a repairer did with one event: <see cref="Note"/> says it for the report.</summary>
public sealed record RepairOutcome(string EventId, bool Repaired, string Note);
