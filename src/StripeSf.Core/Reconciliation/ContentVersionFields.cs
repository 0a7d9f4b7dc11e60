namespace StripeSf.Core.Reconciliation;

/// <summary>The standard ContentVersion fields a file attached to a record is created with (Salesforce Files).</summary>
public static class ContentVersionFields
{
    /// <summary>sObject.</summary>
    public const string Object = "ContentVersion";
    /// <summary>The file's title.</summary>
    public const string Title = "Title";
    /// <summary>The file name with its extension (sets the file type).</summary>
    public const string PathOnClient = "PathOnClient";
    /// <summary>The content, base64.</summary>
    public const string VersionData = "VersionData";
    /// <summary>The record the file is shared with on creation (here the run's Case).</summary>
    public const string FirstPublishLocationId = "FirstPublishLocationId";
}
