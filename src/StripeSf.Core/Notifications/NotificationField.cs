namespace StripeSf.Core.Notifications;

/// <summary>One labelled figure of a notification ("Amount due": "20.00 USD").</summary>
public sealed record NotificationField(string Label, string Value);
