using Microsoft.Extensions.Logging;

namespace StripeSf.Salesforce;

/// <summary>Every log line of the Salesforce client. Tokens, keys and secrets are never parameters.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Minted a Salesforce token ({Flow}) for {InstanceUrl}")]
    public static partial void TokenMinted(ILogger logger, string flow, Uri instanceUrl);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Salesforce refused the {Flow} token request with HTTP {Status} {ErrorCode}")]
    public static partial void TokenRefused(ILogger logger, string flow, int status, string errorCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Salesforce session was refused on {Operation}; re-minting once")]
    public static partial void SessionRefused(ILogger logger, string operation);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Salesforce {Operation} failed with HTTP {Status} {ErrorCode} ({Kind})")]
    public static partial void CallFailed(ILogger logger, string operation, int status, string errorCode, string kind);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Salesforce {Operation} got no answer ({Kind}): {Reason}")]
    public static partial void CallUnanswered(ILogger logger, string operation, string kind, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Salesforce {Operation} answered HTTP {Status}; api usage {Usage}")]
    public static partial void CallCompleted(ILogger logger, string operation, int status, string? usage);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Bulk ingest job {JobId} for {SObject} is {State}")]
    public static partial void BulkJobState(ILogger logger, string jobId, string sObject, string state);
}
