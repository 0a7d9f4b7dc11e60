namespace StripeSf.Salesforce.Errors;

/// <summary>Whether repeating the same request later can succeed.</summary>
public enum SalesforceFailureKind
{
    /// <summary>Repeating later can succeed: outages, locks, limits, expired sessions, timeouts.</summary>
    Transient,

    /// <summary>Repeating cannot succeed until a person changes data, metadata or configuration.</summary>
    Permanent,
}
