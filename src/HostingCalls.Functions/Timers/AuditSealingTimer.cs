using HostingCalls.Core.Audit;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Timers;

/// <summary>
/// Chains every call's pending audit entries, and restores a call transition's entry that a stopped process left
/// out. Safe on two instances at once: the chain's head moves by ETag.
/// </summary>
public sealed class AuditSealingTimer(AuditService audit)
{
    [Function(nameof(SealAuditTrails))]
    public async Task SealAuditTrails(
        [TimerTrigger("%" + AppSettingNames.AuditSealingSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var failed = await audit.SealAllAsync(cancellationToken);
        if (failed.Count > 0)
        {
            // Marks this run failed in monitoring; the entries stay pending and the next run seals them.
            throw new InvalidOperationException($"Sealing the audit trail failed for {failed.Count} call(s): {string.Join(", ", failed)}.");
        }
    }
}
