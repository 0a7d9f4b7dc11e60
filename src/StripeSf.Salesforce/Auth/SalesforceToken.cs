namespace StripeSf.Salesforce.Auth;

/// <summary>An access token and the instance it is valid for (Salesforce returns no expiry).</summary>
public sealed record SalesforceToken(string AccessToken, Uri InstanceUrl, DateTimeOffset IssuedAt)
{
    /// <summary>Never print the token itself.</summary>
    public override string ToString() => $"SalesforceToken {{ InstanceUrl = {InstanceUrl}, IssuedAt = {IssuedAt:O} }}";
}
