using System.Globalization;
using Otklik.Errors;

namespace Otklik.Ingest;

/// <summary>
/// Which CSV column holds which message field: <c>external_id=1,text=2,topic=3</c> (1-based numbers) or, for a file
/// with a header row, <c>external_id=id,text=body</c> (column names). Fields not mapped are empty.
/// </summary>
public sealed class ColumnMap
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _entries;

    private ColumnMap(IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        _entries = entries;
    }

    /// <summary>The mapped fields and their column references as written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    /// <summary>Parses <c>field=column,…</c>; throws <see cref="OtklikException"/> naming the bad part.</summary>
    public static ColumnMap Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0 || pair[1].Length == 0)
            {
                throw new OtklikException($"--map: '{part}' is not field=column.", "Write it like --map external_id=1,text=2,topic=3");
            }

            var field = pair[0].ToLowerInvariant();
            if (!MessageFields.Mappable.Contains(field, StringComparer.Ordinal))
            {
                throw new OtklikException(
                    $"--map: '{pair[0]}' is not a message field.", "Fields: " + string.Join(", ", MessageFields.Mappable));
            }

            if (entries.Any(e => e.Key == field))
            {
                throw new OtklikException($"--map: field '{field}' is mapped twice.", "Map each field to one column.");
            }

            entries.Add(new KeyValuePair<string, string>(field, pair[1]));
        }

        if (entries.Count == 0)
        {
            throw new OtklikException("--map is empty.", "Write it like --map external_id=1,text=2,topic=3");
        }

        return new ColumnMap(entries);
    }

    /// <summary>A map of each field to the header column of the same name.</summary>
    public static ColumnMap ByHeaderNames() =>
        new(MessageFields.Mappable.Select(f => new KeyValuePair<string, string>(f, f)).ToList());

    /// <summary>
    /// Column indexes (0-based) by field; -1 where not mapped. Names resolve against <paramref name="header"/>;
    /// without a header only numbers are allowed. Throws <see cref="OtklikException"/> for an unknown column.
    /// </summary>
    public Dictionary<string, int> Resolve(IReadOnlyList<string>? header, string file, bool namesOptional)
    {
        var indexes = MessageFields.Mappable.ToDictionary(f => f, _ => -1, StringComparer.Ordinal);
        foreach (var (field, column) in _entries)
        {
            if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (number < 1)
                {
                    throw new OtklikException($"--map: column numbers start at 1, found {field}={column}.");
                }

                indexes[field] = number - 1;
                continue;
            }

            var found = header is null ? -1 : FindColumn(header, column);
            if (found < 0 && !namesOptional)
            {
                throw new OtklikException(
                    header is null
                        ? $"--map: {field}={column} names a column, but {file} is read without a header."
                        : $"--map: {file} has no column '{column}' (for {field}); its header is: {string.Join(", ", header)}.",
                    header is null ? "Add --header, or map by column number (1-based)." : "Map to one of the header's columns.");
            }

            indexes[field] = found;
        }

        return indexes;
    }

    private static int FindColumn(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
