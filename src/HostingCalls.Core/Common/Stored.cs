namespace HostingCalls.Core.Common;

/// <summary>A value as stored, with the ETag that guards its next update.</summary>
public sealed record Stored<T>(T Value, string ETag);
