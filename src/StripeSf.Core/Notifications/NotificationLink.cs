namespace StripeSf.Core.Notifications;

/// <summary>A link a person can open: the Salesforce record or the Stripe dashboard page.</summary>
public sealed record NotificationLink(string Label, string Url);
