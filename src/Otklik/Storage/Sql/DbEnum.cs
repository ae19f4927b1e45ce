using System.Collections.Frozen;
using System.Text;
using Otklik.Errors;

namespace Otklik.Storage.Sql;

/// <summary>
/// Enums are stored as snake_case text (<c>in_progress</c>), not numbers: readable in SQL and safe when members are
/// added in the middle of an enum.
/// </summary>
internal static class DbEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(value => value, value => Snake(value.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToDb(T value) => Names[value];

    public static T Parse(string text) =>
        Values.TryGetValue(text, out var value)
            ? value
            : throw new OtklikException($"The database holds '{text}', which is not a {typeof(T).Name}.", "Was it written by a newer Otklik?");

    /// <summary>Reads user input: snake_case or the member name, case-insensitive.</summary>
    public static bool TryParseInput(string text, out T value)
    {
        var key = Snake(text.Trim()).Replace("-", "_", StringComparison.Ordinal);
        foreach (var pair in Values)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch))
            {
                if (i > 0 && name[i - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
