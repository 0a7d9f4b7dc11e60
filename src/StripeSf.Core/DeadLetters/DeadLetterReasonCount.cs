namespace StripeSf.Core.DeadLetters;

/// <summary>How many dead letters share a reason, with one description as an example.</summary>
public sealed record DeadLetterReasonCount(string Reason, int Count, string? ExampleDescription);
