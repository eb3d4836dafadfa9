using System.Globalization;

namespace HostingCalls.Core.Audit;

/// <summary>How entries' details write numbers and times: the same in every entry, whatever the server's culture.</summary>
internal static class AuditText
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A time in UTC to the second, such as <c>2023-10-31T20:59:59Z</c>.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
