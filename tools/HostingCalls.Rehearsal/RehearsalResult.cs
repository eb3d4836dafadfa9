using System.Text.Json;
using HostingCalls.InProcess;

namespace HostingCalls.Rehearsal;

/// <summary>What the report is made of.</summary>
public sealed class RehearsalResult
{
    public string CallTitle { get; set; } = "";
    public JsonElement Ranking { get; set; }
    public byte[] Csv { get; set; } = [];
    public JsonElement Decision { get; set; }
    public JsonElement Notifications { get; set; }
    public IReadOnlyList<CapturedEmail> Emails { get; set; } = [];
    public IReadOnlyList<JsonElement> AuditEntries { get; set; } = [];
    public JsonElement AuditVerification { get; set; }
}
