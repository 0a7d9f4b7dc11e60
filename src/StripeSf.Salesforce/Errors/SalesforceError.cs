namespace StripeSf.Salesforce.Errors;

/// <summary>One error as Salesforce reports it (<c>errorCode</c> or <c>statusCode</c>, <c>message</c>, <c>fields</c>).</summary>
public sealed record SalesforceError(string ErrorCode, string Message, IReadOnlyList<string> Fields);
