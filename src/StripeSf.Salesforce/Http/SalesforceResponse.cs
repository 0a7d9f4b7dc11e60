namespace StripeSf.Salesforce.Http;

/// <summary>A successful (2xx) REST answer: status and body text.</summary>
public sealed record SalesforceResponse(int StatusCode, string Body);
