using System.Text;

namespace Otklik.Ingest;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields with doubled quotes and embedded newlines, CRLF or LF, no header handling.
/// Memory is bounded by <see cref="MaxRecordChars"/>: a record longer than that (a runaway quote, a 10 MB line)
/// is reported as an error and skipped to the next line, so one bad record never stops a file.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char _separator;
    private long _line = 1;

    public CsvRecordReader(TextReader reader, char separator = ',', int maxRecordChars = 1 << 20)
    {
        _reader = reader;
        _separator = separator;
        MaxRecordChars = maxRecordChars;
    }

    /// <summary>The longest record accepted, in characters. Defaults to 1,048,576.</summary>
    public int MaxRecordChars { get; }

    /// <summary>Reads the next record; null at the end. A record too long comes back as an error with its line.</summary>
    public CsvReadResult? Read()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var startLine = _line;
        var inQuotes = false;
        var quotedField = false;
        var total = 0;
        var sawAnything = false;

        while (true)
        {
            var next = _reader.Read();
            if (next < 0)
            {
                if (!sawAnything)
                {
                    return null;
                }

                if (inQuotes)
                {
                    fields.Add(field.ToString());
                    return CsvReadResult.Failure(startLine, "unterminated quoted field at the end of the file");
                }

                fields.Add(field.ToString());
                return CsvReadResult.Success(new CsvRecord(startLine, fields));
            }

            sawAnything = true;
            var ch = (char)next;
            if (++total > MaxRecordChars)
            {
                SkipToLineEnd(inQuotes);
                return CsvReadResult.Failure(startLine, $"record longer than {MaxRecordChars:N0} characters");
            }

            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && field.Length == 0 && !quotedField)
            {
                inQuotes = true;
                quotedField = true;
            }
            else if (ch == _separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                quotedField = false;
            }
            else if (ch == '\r' && _reader.Peek() == '\n')
            {
                // The \n that follows ends the record.
            }
            else if (ch == '\n')
            {
                _line++;
                if (fields.Count == 0 && field.Length == 0)
                {
                    // A blank line is not a record.
                    startLine = _line;
                    sawAnything = false;
                    total = 0;
                    continue;
                }

                fields.Add(field.ToString());
                return CsvReadResult.Success(new CsvRecord(startLine, fields));
            }
            else
            {
                field.Append(ch);
            }
        }
    }

    private void SkipToLineEnd(bool inQuotes)
    {
        // A runaway record: drop what is left of the physical line so the next record starts clean.
        _ = inQuotes;
        int next;
        while ((next = _reader.Read()) >= 0)
        {
            if (next == '\n')
            {
                _line++;
                return;
            }
        }
    }
}
