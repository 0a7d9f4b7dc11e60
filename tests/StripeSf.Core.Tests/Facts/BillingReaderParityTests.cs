using System.Text.Json;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Flows.Shared;

namespace StripeSf.Core.Tests.Facts;

/// <summary>
/// The billing planners still read payloads through <c>BillingJson</c>. These tests pin that the facts
/// read the same values from every recorded and hand-written payload, so moving a planner to the facts
/// is a mechanical change (delete the test's old side then).
/// </summary>
public sealed class BillingReaderParityTests
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

    private static string? ObjectType(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var obj)
                && obj.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (JsonElement Object, EventFacts Facts) Load(string relative)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative))).RootElement.Clone();
        return (root.GetProperty("data").GetProperty("object"), EventFacts.Of(root));
    }

    private static long? Unix(DateTimeOffset? time) => time?.ToUnixTimeSeconds();

    [Theory]
    [MemberData(nameof(Invoices))]
    public void Invoice_FactsMatchTheInvoicePlannersReader(string file)
    {
        var (raw, facts) = Load(file);
        var old = Flows.Invoices.InvoiceFacts.From(raw);
        var now = facts.Invoice();

        Assert.Equal(old.Id, now.Id);
        Assert.Equal(old.CustomerId, now.CustomerId);
        Assert.Equal(old.CustomerName, now.CustomerName ?? now.CustomerEmail);
        Assert.Equal(old.Number, now.Number);
        Assert.Equal(old.Status, now.Status);
        Assert.Equal(old.AmountDue, now.AmountDue);
        Assert.Equal(old.AmountPaid, now.AmountPaid);
        Assert.Equal(old.Currency, now.Currency);
        Assert.Equal(old.PeriodStart, Unix(now.PeriodStart));
        Assert.Equal(old.PeriodEnd, Unix(now.PeriodEnd));
        Assert.Equal(old.SubscriptionId, now.SubscriptionId);
        Assert.Equal(old.AttemptCount, now.AttemptCount);
        Assert.Equal(old.NextPaymentAttempt, Unix(now.NextPaymentAttempt));
        Assert.Equal(old.HostedInvoiceUrl, now.HostedInvoiceUrl);
        Assert.Equal(old.PaidAt, Unix(now.PaidAt));
    }

    [Theory]
    [MemberData(nameof(Disputes))]
    public void Dispute_FactsMatchTheDisputePlannersReader(string file)
    {
        var (raw, facts) = Load(file);
        var old = Flows.Disputes.DisputeFacts.From(raw);
        var now = facts.Dispute();

        Assert.Equal(old.Id, now.Id);
        Assert.Equal(old.ChargeId, now.ChargeId);
        Assert.Equal(old.Amount, now.Amount);
        Assert.Equal(old.Currency, now.Currency);
        Assert.Equal(old.Reason, now.Reason);
        Assert.Equal(old.Status, now.Status);
        Assert.Equal(old.EvidenceDueBy, Unix(now.EvidenceDueBy));
        Assert.Equal(old.HasEvidence, now.HasEvidence);
        Assert.Equal(ChargeCard.From(raw).Brand, now.CardBrand);
    }

    [Theory]
    [MemberData(nameof(Charges))]
    public void Charge_FactsMatchTheChargeReaders(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.Charge();
        var card = ChargeCard.From(raw);

        Assert.Equal(card.Brand, now.CardBrand);
        Assert.Equal(card.Last4, now.CardLast4);
        Assert.Equal(ChargeReader.CustomerId(raw), now.CustomerId);
        Assert.Equal(ChargeReader.PayerName(raw), now.BillingName ?? now.BillingEmail ?? now.ReceiptEmail);
        Assert.Equal(RefundEntries.IsFull(raw), now.FullyRefunded);
        Assert.Equal(raw.Str("invoice"), now.InvoiceId);
        Assert.Equal(raw.Items("refunds").Where(r => r.Str("id") is not null).Select(r => (r.Str("id"), r.Long("amount") ?? 0)),
            now.Refunds.Select(r => ((string?)r.Id, r.Amount)));
        Assert.Equal(raw.Long("amount_refunded") ?? 0, now.AmountRefunded);
    }

    [Theory]
    [MemberData(nameof(Intents))]
    public void PaymentIntent_FactsMatchThePaymentIntentHandlersReads(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.PaymentIntent();
        var latest = raw.Str("latest_charge");
        var embedded = raw.Items("charges").Where(c => latest is null ? c.Str("status") == "succeeded" : c.Str("id") == latest).Select(c => c.Str("id")).FirstOrDefault();

        Assert.Equal(raw.Str("customer"), now.CustomerId);
        Assert.Equal(latest, now.LatestChargeId);
        Assert.Equal(embedded, now.PayingCharge?.Id);
        Assert.Equal(raw.Long("amount_received") ?? raw.Long("amount") ?? 0, now.AmountReceived ?? now.Amount);
        Assert.Equal(raw.Str("invoice"), now.InvoiceId);
        Assert.Equal(raw.Str("receipt_email"), now.ReceiptEmail);
    }

    [Theory]
    [MemberData(nameof(Customers))]
    public void Customer_FactsMatchTheCustomerPlannersReads(string file)
    {
        var (raw, facts) = Load(file);
        var now = facts.Customer();

        Assert.Equal(raw.Required("customer", "id"), now.Id);
        Assert.Equal(raw.Str("name"), now.Name);
        Assert.Equal(raw.Str("email"), now.Email);
        Assert.Equal(raw.Str("phone"), now.Phone);
    }
}
