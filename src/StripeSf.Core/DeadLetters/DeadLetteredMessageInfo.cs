namespace StripeSf.Core.DeadLetters;

/// <summary>What an operator needs to know about one dead-lettered message.</summary>
public sealed record DeadLetteredMessageInfo(string MessageId, string EventId, string? Reason, string? Description, DateTimeOffset EnqueuedAt);
