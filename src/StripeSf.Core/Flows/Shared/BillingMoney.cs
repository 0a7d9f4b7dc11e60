using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Shared;

/// <summary>Writes an amount in major units with its ISO currency, and <c>CurrencyIsoCode</c> when the org uses multiple currencies.</summary>
internal static class BillingMoney
{
    /// <summary>Sets <paramref name="amountField"/> (and the currency fields) from Stripe minor units; negate for refunds and lost disputes.</summary>
    public static Money Write(JsonObject fields, SalesforceMappingOptions options, string amountField, string currencyField, long minorUnits, string currency)
    {
        var money = Money.FromMinorUnits(minorUnits, currency);
        fields[amountField] = money.Amount;
        fields[currencyField] = money.CurrencyIsoCode;
        if (options.UseCurrencyIsoCode)
        {
            fields["CurrencyIsoCode"] = money.CurrencyIsoCode;
        }

        return money;
    }
}
