using System.Globalization;
using Otklik.Ratings.Results;

namespace Otklik.Ratings.Engine;

public sealed partial class RatingsEngine
{
    /// <summary>Scores every period and returns the report of the last one, with the earlier ones as history.</summary>
    public RatingsReport Compute()
    {
        var reports = _periods.Select(ComputePeriod).ToList();
        var current = reports[^1];
        var byEntity = reports
            .SelectMany((report, index) => report.AllEntities.Select(e => (Key: e.Kind + "\u0001" + e.Id, Index: index, Entity: e)))
            .ToLookup(x => x.Key, StringComparer.Ordinal);
        var categories = current.Categories.Select(category => category with
        {
            Entities = category.Entities.Select(entity => entity with
            {
                History = _periods.Select((state, index) =>
                {
                    var past = byEntity[entity.Kind + "\u0001" + entity.Id].FirstOrDefault(x => x.Index == index).Entity;
                    return new HistoryPoint(state.Period.Name, past?.Score, past?.Rank);
                }).ToList(),
            }).ToList(),
        }).ToList();
        return current with { Categories = categories };
    }

    private RatingsReport ComputePeriod(PeriodState state)
    {
        var totals = new Dictionary<int, TopicCell>();
        var overall = new TopicCell();
        foreach (var body in state.Bodies.Values)
        {
            foreach (var (topic, cell) in body.Topics)
            {
                if (!totals.TryGetValue(topic, out var total))
                {
                    total = new TopicCell();
                    totals[topic] = total;
                }

                cell.AddTo(total);
                cell.AddTo(overall);
            }
        }

        var standardized = _method.Indicators.Where(i => i.StandardizeByTopic && !IndicatorCatalog.IsActivity(i.Id)).Select(i => i.Id).ToList();
        var caseIndicators = _method.Indicators.Where(i => !IndicatorCatalog.IsActivity(i.Id)).Select(i => i.Id).ToList();
        var activityIndicators = _method.Indicators.Where(i => IndicatorCatalog.IsActivity(i.Id)).Select(i => i.Id).ToList();
        var candidates = new List<Candidate>();
        foreach (var body in state.Bodies.Values)
        {
            var estimates = caseIndicators.ToDictionary(id => id, body.Estimate, StringComparer.Ordinal);
            candidates.Add(new Candidate(
                "body", body.Id, body.Name, body.Category, body.Category, false, body.Cases, body.CappedOut,
                StaleFlag(body), estimates, TopicStandardizer.Factors(body, totals, overall, standardized)));
        }

        foreach (var facts in _accounts.Values)
        {
            var account = state.Account(facts.Account);
            account.Facts = facts;
            var estimates = activityIndicators.ToDictionary(id => id, id => account.Estimate(id, state.Period.Weeks), StringComparer.Ordinal);
            candidates.Add(new Candidate(
                "account", facts.Account, facts.Name, facts.Category, facts.Level, facts.Simulated, account.Posts, 0,
                null, estimates, new Dictionary<string, double>()));
        }

        var categories = _method.Categories
            .Select(category => new Scorer(_method, category).Score(candidates.Where(c => c.Category == category.Id).ToList()))
            .ToList();
        var nominations = _method.Nominations.Select(nomination =>
        {
            var winner = categories.First(c => c.Id == nomination.Category).Entities
                .FirstOrDefault(e => e.Rank is not null && (nomination.Level is null || string.Equals(e.Level, nomination.Level, StringComparison.Ordinal)));
            return new NominationResult(nomination.Id, nomination.Title, winner?.Id, winner?.Name, winner?.Score, winner?.IsTied ?? false, winner?.Simulated ?? false);
        }).ToList();
        return new RatingsReport(_method.Version, state.Period.Name, state.Period.Start, state.Period.End, categories, nominations, Notes(state));
    }

    private string? StaleFlag(BodyAccumulator body)
    {
        if (body.Cases == 0)
        {
            return null;
        }

        var share = (double)body.StaleOpen / body.Cases;
        return share > _method.StaleShareFlag
            ? string.Create(CultureInfo.InvariantCulture, $"stale statuses: {share:P0} of cases still open with no status change for {_method.StaleDays}+ days")
            : null;
    }

    private List<string> Notes(PeriodState state)
    {
        var notes = new List<string>();
        if (HasSimulatedAccounts)
        {
            notes.Add("SIMULATED: account activity and upkeep of accounts marked simulated are generated demo data, not real behaviour.");
        }

        if (_unattributed > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{_unattributed} cases (all periods) name no responsible body and are not rated."));
        }

        foreach (var (category, count) in _unknownCategories)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{count} records of category \"{category}\" are not rated: the methodology has no such category."));
        }

        if (InputProblems > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{InputProblems} input lines could not be read and were skipped."));
        }

        var cases = state.Bodies.Values.Sum(b => b.Cases);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{cases} cases and {state.Accounts.Values.Sum(a => a.Posts)} posts in {state.Period.Name}; replies counted until {state.AsOf:yyyy-MM-dd}."));
        return notes;
    }
}
