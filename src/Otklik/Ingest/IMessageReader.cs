namespace Otklik.Ingest;

/// <summary>
/// Reads messages from a file, streaming: memory stays bounded by one record whatever the file size.
/// Implementations: <see cref="JsonLinesReader"/> and <see cref="CsvMessageReader"/>. To add a format: implement this,
/// return good records and bad ones (with line and reason) without throwing, and add it to <see cref="MessageReaders"/>.
/// </summary>
public interface IMessageReader : IDisposable
{
    /// <summary>Bytes consumed so far, for progress.</summary>
    long Position { get; }

    /// <summary>The file's size in bytes.</summary>
    long Length { get; }

    IEnumerable<ParsedRecord> Read(CancellationToken cancellationToken);
}
