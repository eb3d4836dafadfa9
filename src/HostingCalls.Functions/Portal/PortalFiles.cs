using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace HostingCalls.Functions.Portal;

/// <summary>
/// The web portal's files and the OpenAPI document, embedded in the app's assembly at build time: they deploy with
/// the code, are read once, and only names that were embedded can ever be served (no file system path is built
/// from the request).
/// </summary>
public sealed class PortalFiles
{
    public const string OpenApiDocument = "openapi.json";

    private const string PortalPrefix = "portal/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, PortalFile> _files;

    public PortalFiles()
        : this(typeof(PortalFiles).Assembly)
    {
    }

    public PortalFiles(Assembly assembly)
    {
        var files = new Dictionary<string, PortalFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if ((name.StartsWith(PortalPrefix, StringComparison.Ordinal) || name == OpenApiDocument)
                && ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var content = buffer.ToArray();
                var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";
                files[name] = new PortalFile(name, content, contentType, etag);
            }
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Names of every portal page, script, style and translation (under <c>portal/</c>).</summary>
    public IEnumerable<string> PortalNames => _files.Keys.Where(n => n.StartsWith(PortalPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public PortalFile OpenApi => _files.TryGetValue(OpenApiDocument, out var file) ? file
        : throw new InvalidOperationException($"{OpenApiDocument} is not embedded in the app.");

    /// <summary>The portal file at <paramref name="path"/> (the part after <c>/api/portal/</c>); the start page for none.</summary>
    public PortalFile? Find(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        return _files.TryGetValue(PortalPrefix + name, out var file) ? file : null;
    }
}

/// <summary>One embedded file, with the type it is served as and an ETag of its content.</summary>
public sealed record PortalFile(string Name, byte[] Content, string ContentType, string ETag);
