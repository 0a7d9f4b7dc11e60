using System.Text.Json;
using StripeSf.Core.Facts;

namespace StripeSf.Core.Tests.Facts;

/// <summary>
/// Every recorded and hand-written billing payload (flows and facts fixtures) reads into its facts, and
/// the facts state what the billing flows rely on at every API version. (This was the parity test
/// against the flows' former JSON readers; the flows now read these facts.)
/// </summary>
public sealed class BillingFixtureFactsTests
{
    /// <summary>Every event fixture (flows and facts) whose <c>data.object</c> is a <paramref name="objectType"/>.</summary>
    public static TheoryData<string> Files(string objectType) => new(
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json", SearchOption.AllDirectories)
            .Where(f => ObjectType(f) == objectType)
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, f)).Order(StringComparer.Ordinal));

    public static TheoryData<string> Invoices => Files("invoice");

    public static TheoryData<string> Charges => Files("charge");

    public static TheoryData<string> Disputes => Files("dispute");

    public static TheoryData<string> Customers => Files("customer");

    public static TheoryData<string> Intents => Files("payment_intent");

    [Fact]
    public void Fixtures_CoverEveryBillingObject()
    {
        Assert.All(new[] { Invoices, Charges, Disputes, Customers, Intents }, files => Assert.NotEmpty(files));
    }

    [Theory]
    [MemberData(nameof(Invoices))]
    public void Invoice_ReadsTheSubscriptionAndTimesInEitherShape(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.Invoice();

        Assert.Equal(raw.Id("subscription") ?? raw.Id("parent.subscription_details.subscription"), now.SubscriptionId);
        Assert.Equal(raw.Long("period_start"), Unix(now.PeriodStart));
        Assert.Equal(raw.Long("period_end"), Unix(now.PeriodEnd));
        Assert.Equal(raw.Long("next_payment_attempt"), Unix(now.NextPaymentAttempt));
        Assert.Equal(raw.Long("status_transitions.paid_at"), Unix(now.PaidAt));
        Assert.Equal(raw.String("customer_name") ?? raw.String("customer_email"), now.CustomerName ?? now.CustomerEmail);
        Assert.All(now.Lines.Where(l => l.FromSubscription && !l.Proration).Take(1), l => Assert.Same(l, now.RecurringLine));
    }

    [Theory]
    [MemberData(nameof(Disputes))]
    public void Dispute_ReadsTheEvidenceDeadlineAndOnlyTheCardBrand(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.Dispute();

        Assert.Equal(raw.Long("evidence_details.due_by"), Unix(now.EvidenceDueBy));
        Assert.Equal(raw.Bool("evidence_details.has_evidence") ?? false, now.HasEvidence);
        Assert.Equal(raw.String("payment_method_details.card.brand"), now.CardBrand);
    }

    [Theory]
    [MemberData(nameof(Charges))]
    public void Charge_ReadsCardRefundsAndPayer(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.Charge();

        var cards = new[] { raw.Object("payment_method_details.card"), raw.Object("payment_method_details.card_present"), raw.String("source.object") == "card" ? raw.Object("source") : null };
        var card = cards.FirstOrDefault(c => c is not null);
        Assert.Equal(card?.String("brand"), now.CardBrand);
        Assert.Equal(card?.String("last4"), now.CardLast4);
        Assert.Equal(raw.Id("customer"), now.CustomerId);
        Assert.Equal(raw.Bool("refunded") == true || (raw.Long("amount") is > 0 and var amount && raw.Long("amount_refunded") >= amount), now.FullyRefunded);
        Assert.Equal(raw.List("refunds").Where(r => r.String("id") is not null).Select(r => (r.String("id"), r.Long("amount") ?? 0)),
            now.Refunds.Select(r => ((string?)r.Id, r.Amount)));
        Assert.Equal(raw.Long("amount_refunded") ?? 0, now.AmountRefunded);
    }

    [Theory]
    [MemberData(nameof(Intents))]
    public void PaymentIntent_PayingChargeIsTheLatestOrTheSucceededEmbeddedCharge(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.PaymentIntent();
        var latest = raw.Id("latest_charge");
        var embedded = raw.List("charges").Where(c => latest is null ? c.String("status") == "succeeded" : c.String("id") == latest).Select(c => c.String("id")).FirstOrDefault();

        Assert.Equal(latest, now.LatestChargeId);
        Assert.Equal(embedded, now.PayingCharge?.Id);
        Assert.Equal(raw.Long("amount_received") ?? raw.Long("amount") ?? 0, now.AmountReceived ?? now.Amount);
    }

    [Theory]
    [MemberData(nameof(Customers))]
    public void Customer_ReadsTheContactFields(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.Customer();

        Assert.Equal(raw.RequiredId("id"), now.Id);
        Assert.Equal(raw.String("name"), now.Name);
        Assert.Equal(raw.String("email"), now.Email);
        Assert.Equal(raw.String("phone"), now.Phone);
    }

    private static string? ObjectType(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return new StripeJson(document.RootElement, file).String("data.object.object");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (StripeJson Object, EventFacts Facts) Load(string relative)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative))).RootElement.Clone();
        return (new StripeJson(root.GetProperty("data").GetProperty("object"), relative), EventFacts.Of(root));
    }

    private static long? Unix(DateTimeOffset? time) => time?.ToUnixTimeSeconds();
}
