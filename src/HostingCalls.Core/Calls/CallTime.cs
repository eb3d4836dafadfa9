using System.Globalization;

namespace HostingCalls.Core.Calls;

/// <summary>Shows an instant in a call's IANA time zone, with its offset, and in UTC.</summary>
public static class CallTime
{
    public static DateTimeOffset InZone(DateTimeOffset instant, string ianaZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(ianaZone));

    /// <summary>For example "2023-10-31 23:59 Africa/Nairobi (UTC+03:00), that is 2023-10-31 20:59 UTC".</summary>
    public static string Describe(DateTimeOffset instant, string ianaZone)
    {
        var local = InZone(instant, ianaZone);
        var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
        var offset = local.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:yyyy-MM-dd HH:mm} {ianaZone} (UTC{sign}{offset}), that is {instant.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>
    /// A zone of the IANA database. The system's zoneinfo folder also holds files that are not zones (localtime,
    /// posixrules, Factory, right/…, posix/…): a zone must also be one ICU's time zone data maps to Windows.
    /// </summary>
    public static bool IsIanaZone(string? id) =>
        !string.IsNullOrEmpty(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
}
