using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.BillingFlows.Payments;

/// <summary>Card numbers, CVCs, fingerprints and bank details in a payload never reach a Salesforce body.</summary>
public sealed class SensitiveDataTests
{
    private static readonly string[] SecretValues = ["4000056655665556", "FpSecretFinger01", "BankFpSecret0001", "110000000", "000123456789"];
    private static readonly string[] SecretKeys = ["number", "cvc", "cvc_check", "fingerprint", "routing_number", "account_number", "exp_month", "exp_year"];

    public static TheoryData<string, string> Payloads() => new()
    {
        { "charge.succeeded.sensitive.2020-08-27.json", "charge.succeeded" },
        { "charge.succeeded.sensitive.2020-08-27.json", "charge.refunded" },
        { "charge.succeeded.sensitive.2020-08-27.json", "charge.failed" },
        { "charge.succeeded.bank.2026-07-29.json", "charge.succeeded" },
        { "charge.succeeded.bank.2026-07-29.json", "charge.refunded" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Plan_PayloadWithCardAndBankSecrets_NeverSendsThem(string file, string asType)
    {
        foreach (var includeCreateFields in new[] { false, true })
        {
            var context = FlowFixture.Load("payments", file, e =>
            {
                e["type"] = asType;
                var charge = FlowFixture.DataObject(e);
                charge["amount_refunded"] = 100;
            });

            var planned = Handler(asType).Plan(context);
            var request = includeCreateFields ? planned.CreatingAll() : planned;

            Assert.False(request.IsEmpty);
            var everything = FlowFixture.Everything(request);
            Assert.All(SecretValues, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
            Assert.All(request.Subrequests, s => Assert.All(Keys(s.Body), key => Assert.DoesNotContain(key, SecretKeys)));
        }
    }

    [Fact]
    public void Plan_BankPayment_WritesNoCardFieldsAtAll()
    {
        var request = Handler("charge.succeeded").Plan(FlowFixture.Load("payments", "charge.succeeded.bank.2026-07-29.json"));

        var entry = FlowFixture.Body(request, "payment");
        Assert.False(entry.ContainsKey("Card_Brand__c"));
        Assert.False(entry.ContainsKey("Card_Last4__c"));
        Assert.Equal(1500m, (decimal)entry["Amount__c"]!);
    }

    [Fact]
    public void Plan_CardPayment_KeepsOnlyBrandAndLast4()
    {
        var entry = FlowFixture.Body(Handler("charge.succeeded").Plan(FlowFixture.Load("payments", "charge.succeeded.sensitive.2020-08-27.json")), "payment");

        Assert.Equal("mastercard", (string?)entry["Card_Brand__c"]);
        Assert.Equal("4444", (string?)entry["Card_Last4__c"]);
    }

    private static EventFlow Handler(string type)
    {
        var options = FlowFixture.Options();
        return type switch
        {
            "charge.succeeded" => TestFlows.For("charge.succeeded", options),
            "charge.failed" => TestFlows.For("charge.failed", options),
            _ => TestFlows.For("charge.refunded", options),
        };
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Keys(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(Keys),
        _ => [],
    };
}
