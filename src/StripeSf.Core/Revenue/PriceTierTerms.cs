namespace StripeSf.Core.Revenue;

/// <summary>One pricing tier in minor units; <see cref="UpTo"/> null means "and above" (Stripe's <c>inf</c>).</summary>
internal readonly record struct PriceTierTerms(long? UpTo, decimal UnitAmount, decimal FlatAmount);
