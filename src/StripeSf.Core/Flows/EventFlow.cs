using StripeSf.Core.Planning;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows;

/// <summary>
/// One row of the flow table: the Stripe event type, the object family whose flow plans it, and the
/// plan. <paramref name="ExpectsNewRecords"/> marks events that normally bring a new record: the first
/// plan already carries the create-only fields and the email-matching claims, saving the second call a
/// first sight otherwise costs. No row sets it today: customer events carry their own identity ladder.
/// </summary>
public sealed record EventFlow(string EventType, FlowFamily Family, Func<StripeEventContext, WritePlan> Plan, bool ExpectsNewRecords = false);
