using System.Text.RegularExpressions;

namespace Otklik.Text.Analysis;

/// <summary>
/// Replaces e-mails, phone numbers and street addresses with placeholder words before features are taken, so the
/// classifiers learn topics rather than people, and so a model file does not remember who wrote to whom.
/// Settlement and district names stay: they decide whether a city or a district body must answer.
/// </summary>
public static partial class PersonalDataMask
{
    /// <summary>The word an e-mail address becomes.</summary>
    public const string Email = "zzemail";

    /// <summary>The word a phone number becomes.</summary>
    public const string Phone = "zzphone";

    /// <summary>The word a street address (street, house, flat) becomes.</summary>
    public const string Address = "zzaddr";

    /// <summary>Masks e-mails, phone numbers and addresses in plain (HTML-free) text. Case is kept.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('@', StringComparison.Ordinal))
        {
            text = EmailPattern().Replace(text, " " + Email + " ");
        }

        // Both need a digit; 4 appeals in 10 have none and skip two regex scans. Phones are looked for only with an ASCII
        // digit (as always); the house pattern's \d takes any script's digits, so that check does too.
        var asciiDigits = text.AsSpan().ContainsAnyInRange('0', '9');
        if (asciiDigits && MayHoldPhone(text))
        {
            text = PhonePattern().Replace(text, " " + Phone + " ");
        }

        // Street first, so "ул. Ленина, д. 5, кв. 7" becomes one placeholder rather than three.
        text = StreetPattern().Replace(text, " " + Address + " ");
        return asciiDigits || HasOtherDigit(text) ? HousePattern().Replace(text, " " + Address + " ") : text;
    }

    /// <summary>
    /// A cheap necessary condition of <see cref="PhonePattern"/>: its short forms need a '-', its long form nine digits
    /// (+7 and eight, or 8 and eight). Most texts with a number (a house, a date) fail it and skip the scan, about 3 %
    /// of a prediction. \d counts any script's digits, so the count does too.
    /// </summary>
    private static bool MayHoldPhone(string text)
    {
        if (text.Contains('-', StringComparison.Ordinal))
        {
            return true;
        }

        var digits = 0;
        foreach (var ch in text)
        {
            if (char.IsDigit(ch) && ++digits >= 9)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text has a decimal digit outside ASCII (what \d matches besides 0-9); Cyrillic has none.</summary>
    private static bool HasOtherDigit(string text)
    {
        foreach (var ch in text)
        {
            if (ch >= '\u0080' && ch is < '\u0400' or > '\u04FF' && char.IsDigit(ch))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // +7 (999) 123-45-67, 8 999 1234567, 89991234567, and city numbers like 51-23-45 or 512-345.
    [GeneratedRegex(
        @"(?<![\d\w])(?:(?:\+7|8)[\s\-]*\(?\d{3,5}\)?[\s\-]*\d{1,3}[\s\-]*\d{2}[\s\-]*\d{2}|\d{2,3}-\d{2}-\d{2}|\d{3}-\d{3})(?![\d\w])",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // A street designator, its name (one word, then up to two more that start with a capital or are numbers, e.g.
    // "ул. 50 лет Октября"), then optional house, building and flat numbers.
    [GeneratedRegex(
        @"\b(?:ул|улица|пр-т|пр-кт|проспект|пер|переулок|бульвар|б-р|шоссе|проезд|пл|площадь|мкр|микрорайон|тупик|наб|набережная)\.?\s*"
        + @"[\w-]+(?:\s+(?-i:[А-ЯЁA-Z0-9])[\w-]*){0,2}"
        + @"(?:[\s,]*(?:д|дом|корп|корпус|к|стр|кв|квартира)\.?\s*№?\s*\d+[а-яё]?(?:/\d+)?)*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreetPattern();

    [GeneratedRegex(
        @"\b(?:д|дом|дома|доме|корп|корпус|кв|квартира|квартиры|квартире)\.?\s*№?\s*\d+[а-яё]?(?:/\d+)?(?![\d\w])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HousePattern();
}
