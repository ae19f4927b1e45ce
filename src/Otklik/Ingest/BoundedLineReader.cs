namespace Otklik.Ingest;

/// <summary>
/// Splits a byte stream into lines (LF or CRLF) without ever holding more than one line of at most
/// <see cref="MaxLineBytes"/>: a longer line is reported as too long and skipped, never buffered whole.
/// </summary>
internal sealed class BoundedLineReader
{
    private const int ChunkBytes = 1 << 16;
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public BoundedLineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        MaxLineBytes = maxLineBytes;
        _buffer = new byte[maxLineBytes + ChunkBytes];
    }

    public int MaxLineBytes { get; }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The next line without its terminator, valid until the next call; false at the end.
    /// <paramref name="tooLong"/> is true (and the line empty but for its first bytes) when the line exceeded the limit.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = searchFrom + newline;
                line = TrimCr(_buffer.AsSpan(_start, lineEnd - _start));
                _start = lineEnd + 1;
                LineNumber++;
                if (line.Length > MaxLineBytes)
                {
                    // The buffer holds a chunk beyond the limit, so a line a little too long can arrive whole.
                    tooLong = true;
                    line = line[..Math.Min(256, line.Length)];
                }

                return true;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = TrimCr(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                LineNumber++;
                if (line.Length > MaxLineBytes)
                {
                    tooLong = true;
                    line = line[..Math.Min(256, line.Length)];
                }

                return true;
            }

            if (_end - _start > MaxLineBytes)
            {
                var head = _buffer.AsSpan(_start, Math.Min(256, _end - _start)).ToArray();
                SkipRestOfLine();
                LineNumber++;
                tooLong = true;
                line = head;
                return true;
            }

            var scanned = _end - _start;
            Fill();
            searchFrom = _start + scanned;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Keep the partial line, drop what was consumed: the buffer never grows.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = _stream.Read(_buffer, _end, Math.Min(ChunkBytes, _buffer.Length - _end));
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private void SkipRestOfLine()
    {
        _start = _end = 0;
        while (true)
        {
            var read = _stream.Read(_buffer, 0, ChunkBytes);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = read;
                return;
            }
        }
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
