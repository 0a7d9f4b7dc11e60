using System.Runtime.ExceptionServices;

namespace StripeSf.Core.Settlement;

/// <summary>
/// How <see cref="SettlementExecutor"/> settled a message: the action it carried out and, when
/// processing threw, the exception (already settled; a host may rethrow it to report the failure).
/// </summary>
public sealed record SettlementResult(SettlementAction Action, ExceptionDispatchInfo? Failure = null);
