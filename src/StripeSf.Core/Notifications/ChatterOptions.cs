namespace StripeSf.Core.Notifications;

/// <summary>Salesforce Chatter: <c>Notifications__Chatter__Enabled</c> (see README, Notifications).</summary>
public sealed class ChatterOptions
{
    /// <summary>Post on the Account, @mentioning its owner.</summary>
    public bool Enabled { get; set; }

    /// <summary>True when Chatter posts are switched on.</summary>
    public bool IsConfigured => Enabled;
}
