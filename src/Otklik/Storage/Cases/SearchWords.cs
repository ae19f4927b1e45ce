using System.Text;
using Otklik.Folding;

namespace Otklik.Storage.Cases;

/// <summary>Splits a typed search into folded words of letters and digits; everything else is a separator.</summary>
internal static class SearchWords
{
    public static List<string> Split(string typed)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in RussianText.Fold(typed))
        {
            if (char.IsLetterOrDigit(ch))
            {
                current.Append(ch);
                continue;
            }

            Flush();
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0 && words.Count < 12)
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }
    }
}
