using StripeSf.Core.Settlement;

namespace StripeSf.Core.Notifications;

/// <summary>How an in-process notification ended: <paramref name="Key"/> is <c>&lt;event id&gt;:&lt;channel&gt;</c>.</summary>
public sealed record LocalNotification(string Key, int Attempts, SettlementAction Action);
