using StripeSf.Core.Processing;

namespace StripeSf.Core.Local;

/// <summary>How the local queue settled one message (for the console and for tests).</summary>
public sealed record LocalSettlement(string Queue, string MessageId, string EventId, int Attempt, ProcessingOutcome Outcome);
