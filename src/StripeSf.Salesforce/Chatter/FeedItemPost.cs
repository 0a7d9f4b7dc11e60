namespace StripeSf.Salesforce.Chatter;

/// <summary>
/// A Chatter post on a record's feed (Connect REST API <c>POST chatter/feed-elements</c>,
/// <c>feedElementType: FeedItem</c>): <see cref="SubjectId"/> is the record, the segments its body.
/// </summary>
public sealed record FeedItemPost(string SubjectId, IReadOnlyList<FeedSegment> Segments);

/// <summary>One message segment: <c>Text</c> with <see cref="Text"/>, or <c>Mention</c> of the user <see cref="Id"/> (Salesforce notifies them).</summary>
public sealed record FeedSegment(string Type, string? Text = null, string? Id = null)
{
    /// <summary>A text segment.</summary>
    public static FeedSegment Plain(string text) => new("Text", Text: text);

    /// <summary>An @mention of a user.</summary>
    public static FeedSegment Mention(string userId) => new("Mention", Id: userId);
}
