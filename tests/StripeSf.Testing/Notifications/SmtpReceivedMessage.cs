namespace StripeSf.Testing.Notifications;

/// <summary>One message the loopback SMTP server accepted: envelope sender, recipients and the MIME text.</summary>
public sealed record SmtpReceivedMessage(string From, IReadOnlyList<string> To, string Mime);
