using StripeSf.Core.Settlement;

namespace StripeSf.Core.Local;

/// <summary>How the local queue settled one delivery of a message (for the console and for tests).</summary>
public sealed record LocalSettlement(string Queue, string MessageId, string EventId, int Attempt, int DeliveryCount, SettlementAction Action);
