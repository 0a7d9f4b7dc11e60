using System.CommandLine;

namespace StripeSf.Cli.Commands;

/// <summary>The <c>stripesf</c> root command: one subcommand per task.</summary>
public static class StripeSfCommand
{
    /// <summary>The command tree.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("stripesf: Stripe ⇄ Salesforce integration tools (local webhook host, plans, replays).");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(StripeCommand.Create());
        root.Subcommands.Add(DeadLettersCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        root.Subcommands.Add(GapFillCommand.Create());
        root.Subcommands.Add(BackfillCommand.Create());
        root.Subcommands.Add(NotifyCommand.Create());
        root.Subcommands.Add(RenewalsCommand.Create());
        root.Subcommands.Add(SyncLeadsCommand.Create());
        return root;
    }
}
