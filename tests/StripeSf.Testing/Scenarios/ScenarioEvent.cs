namespace StripeSf.Testing.Scenarios;

/// <summary>One Stripe event of a scenario: its id, type, created time and payload.</summary>
public sealed record ScenarioEvent(string Id, string Type, long Created, byte[] Payload);
