namespace StripeSf.Core.Notifications.Channels;

/// <summary>The named HttpClient of the chat webhooks (its logging is off: a request line would show the URL, which is the secret).</summary>
public static class NotificationHttp
{
    /// <summary>The client's name.</summary>
    public const string ClientName = "StripeSf.Notifications";
}
