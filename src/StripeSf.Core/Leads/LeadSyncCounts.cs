namespace StripeSf.Core.Leads;

/// <summary>Leads read so far and what happened to them.</summary>
public sealed record LeadSyncCounts(int Read, int Created, int Updated, int Unchanged, int Skipped, int Refused, int Deferred)
{
    /// <summary>Nothing yet.</summary>
    public static readonly LeadSyncCounts Zero = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>These counts with one more Lead of <paramref name="kind"/>.</summary>
    public LeadSyncCounts Add(LeadOutcomeKind kind) => kind switch
    {
        LeadOutcomeKind.Created => this with { Read = Read + 1, Created = Created + 1 },
        LeadOutcomeKind.Updated => this with { Read = Read + 1, Updated = Updated + 1 },
        LeadOutcomeKind.Unchanged => this with { Read = Read + 1, Unchanged = Unchanged + 1 },
        LeadOutcomeKind.Skipped => this with { Read = Read + 1, Skipped = Skipped + 1 },
        LeadOutcomeKind.Refused => this with { Read = Read + 1, Refused = Refused + 1 },
        _ => this with { Read = Read + 1, Deferred = Deferred + 1 },
    };
}
