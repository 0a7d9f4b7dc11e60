namespace StripeSf.Core.Replay;

/// <summary>How one replayed event ended: <see cref="State"/> is one of the <see cref="ReplayStates"/>.</summary>
public sealed record ReplayResult(string Source, string? EventId, string? Type, string State, string Detail, int Attempts);
