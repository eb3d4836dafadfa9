using System.Security.Cryptography;
using System.Text;

namespace HostingCalls.Core.Common;

/// <summary>Server-made identifiers: time-ordered, safe in table keys and blob names.</summary>
public static class Ids
{
    public static string New(TimeProvider clock) => Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>A hex SHA-256 of text a user chose, so that it can stand in a key without being the text.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
