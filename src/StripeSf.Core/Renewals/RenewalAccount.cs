namespace StripeSf.Core.Renewals;

/// <summary>The Account a renewal goes on, and its owner (who works the renewal).</summary>
public sealed record RenewalAccount(string CustomerId, string Id, string? OwnerId);
