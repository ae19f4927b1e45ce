using System.Text.Json;
using System.Text.Json.Serialization;
using Otklik.Ratings.Engine;

namespace Otklik.Ratings.Method;

/// <summary>
/// The public methodology: indicators, directions, weights per category, minimum samples, the statistical settings.
/// It is a versioned JSON file (data/ratings/methodology-v1.json); every report names the version it was computed with.
/// </summary>
/// <param name="PeriodKind">"quarter" or "year": what <c>--period</c> means by default.</param>
/// <param name="ObservationDays">How long after the period's end replies and answers to its cases still count.</param>
/// <param name="StaleDays">An open case whose status has not changed for this long is "stale".</param>
/// <param name="StaleShareFlag">A body with more stale open cases than this share gets a data-quality flag.</param>
/// <param name="RepeatWindowDays">A case on the same topic at the same place within this many days after one was closed is a repeat complaint.</param>
/// <param name="MaxCasesPerAuthor">Cases of one author at one body in a period beyond this count are reported in volume but left out of the rates.</param>
/// <param name="Shrinkage">Empirical-Bayes reliability weighting toward the category middle. Defaults to on.</param>
/// <param name="MinWeightShare">An entity is ranked only if indicators with at least this share of its category's weight have enough data.</param>
public sealed record Methodology(
    string Version,
    LocalizedText Title,
    string PeriodKind,
    int ObservationDays,
    int StaleDays,
    double StaleShareFlag,
    int RepeatWindowDays,
    int MaxCasesPerAuthor,
    bool Shrinkage,
    double MinWeightShare,
    BootstrapSettings Bootstrap,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyList<CategoryDefinition> Categories,
    IReadOnlyList<NominationDefinition> Nominations)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The serializer settings of methodology files, for writing one.</summary>
    public static JsonSerializerOptions SerializerOptions => Json;

    /// <summary>Reads and validates a methodology file; a <see cref="RatingsException"/> names the file and what is wrong.</summary>
    public static Methodology Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RatingsException($"Methodology file not found: {path}. Pass --method with a path to a methodology JSON (see data/ratings/methodology-v1.json).");
        }

        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>The methodology this version of Otklik ships (data/ratings/methodology-v1.json, embedded).</summary>
    public static Methodology Default()
    {
        using var stream = typeof(Methodology).Assembly.GetManifestResourceStream("Otklik.Ratings.methodology-v1.json")
            ?? throw new RatingsException("The embedded methodology-v1.json is missing from the build; rebuild Otklik.");
        return Parse(stream, "methodology-v1.json");
    }

    /// <summary>Parses and validates a methodology; <paramref name="name"/> is used in error messages.</summary>
    public static Methodology Parse(Stream json, string name)
    {
        Methodology? method;
        try
        {
            method = JsonSerializer.Deserialize<Methodology>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new RatingsException($"{name}: not a valid methodology JSON at {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (method is null)
        {
            throw new RatingsException($"{name}: the file is empty or null; it must be a JSON object.");
        }

        method.Validate(name);
        return method;
    }

    /// <summary>The indicator with this id, or null when the methodology does not use it.</summary>
    public IndicatorDefinition? Indicator(string id) => Indicators.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    public CategoryDefinition? Category(string id) => Categories.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    private void Validate(string name)
    {
        if (string.IsNullOrWhiteSpace(Version) || Indicators is null || Categories is null || Nominations is null || Bootstrap is null || Title is null)
        {
            throw new RatingsException($"{name}: version, title, bootstrap, indicators, categories and nominations are all required.");
        }

        foreach (var indicator in Indicators)
        {
            if (!IndicatorCatalog.IsKnown(indicator.Id))
            {
                throw new RatingsException($"{name}: indicator \"{indicator.Id}\" is not known. Known: {string.Join(", ", IndicatorCatalog.All)}.");
            }

            if (indicator.MinN < 1)
            {
                throw new RatingsException($"{name}: indicator \"{indicator.Id}\": minN must be at least 1.");
            }
        }

        foreach (var category in Categories)
        {
            if (category.Entity is not ("body" or "account"))
            {
                throw new RatingsException($"{name}: category \"{category.Id}\": entity must be \"body\" or \"account\", not \"{category.Entity}\".");
            }

            foreach (var (indicator, weight) in category.Weights)
            {
                if (Indicator(indicator) is null)
                {
                    throw new RatingsException($"{name}: category \"{category.Id}\" weighs \"{indicator}\", which is not among the indicators.");
                }

                if (weight < 0 || double.IsNaN(weight))
                {
                    throw new RatingsException($"{name}: category \"{category.Id}\": the weight of \"{indicator}\" must be zero or positive.");
                }

                var forAccounts = IndicatorCatalog.IsActivity(indicator);
                if (forAccounts != (category.Entity == "account"))
                {
                    throw new RatingsException($"{name}: category \"{category.Id}\" rates {category.Entity}s and cannot weigh \"{indicator}\".");
                }
            }
        }

        foreach (var nomination in Nominations)
        {
            if (Category(nomination.Category) is null)
            {
                throw new RatingsException($"{name}: nomination \"{nomination.Id}\" refers to an unknown category \"{nomination.Category}\".");
            }
        }

        if (Bootstrap.Replicates < 0 || Bootstrap.Confidence is <= 0 or >= 1)
        {
            throw new RatingsException($"{name}: bootstrap.replicates must be 0 or more and bootstrap.confidence between 0 and 1 (e.g. 0.95).");
        }
    }
}
