namespace StripeSf.Core.Flows;

/// <summary>The Stripe object families, one flow each (see <see cref="FlowTable"/>).</summary>
public enum FlowFamily
{
    /// <summary>customer.* → Account and Contact.</summary>
    Customers,

    /// <summary>charge.*, payment_intent.* → payment entries and the Account's payment facts.</summary>
    Payments,

    /// <summary>charge.dispute.* → Case, dispute entry, Customer Health.</summary>
    Disputes,

    /// <summary>invoice.* → invoice record, Billing Status, failed-payment Task.</summary>
    Invoices,

    /// <summary>customer.subscription.* → subscription fields, Opportunities, Contract, win-back.</summary>
    Subscriptions,

    /// <summary>checkout.session.completed → the deal closed with its subscription.</summary>
    Checkout,
}
