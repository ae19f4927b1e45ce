using Otklik.Storage;

namespace Otklik.Ingest;

/// <summary>A message read from a file, or why the input at <see cref="Line"/> is not one (with a bounded excerpt).</summary>
public readonly record struct ParsedRecord(long Line, IncomingMessage? Message, string? Error, string? Excerpt)
{
    public static ParsedRecord Ok(IncomingMessage message) => new(message.Line, message, null, null);

    public static ParsedRecord Bad(long line, string error, string? excerpt) => new(line, null, error, QuarantineEntry.Bound(excerpt));
}
