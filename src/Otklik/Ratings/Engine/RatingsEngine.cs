using Otklik.Ratings.Input;
using Otklik.Ratings.Method;

namespace Otklik.Ratings.Engine;

/// <summary>
/// Computes ratings from streams of facts, one fact at a time, in memory that grows with the number of bodies,
/// accounts and topics but not with the number of cases or posts. Feed it case facts in order of creation (repeat
/// complaints and the author cap look back), activity lines in order of time, then call <see cref="Compute"/>.
/// </summary>
/// <remarks>
/// Several periods (the current one and its history) are computed in the same pass: a fact belongs to at most one.
/// Any source can feed it: the SPb file, a JSON Lines file, later a store's cursor.
/// </remarks>
public sealed partial class RatingsEngine
{
    private readonly Methodology _method;
    private readonly PeriodState[] _periods;
    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);
    private readonly RecentClosures _closures = new();
    private readonly CountMinSketch _authors = new();
    private readonly PendingComments _pending = new(TimeSpan.FromDays(30));
    private readonly Dictionary<string, AccountFacts> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknownCategories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bodyCategories;
    private readonly HashSet<string> _accountCategories;
    private long _unattributed;

    /// <param name="periods">The periods to rate, oldest first; the last is the one the report is about.</param>
    public RatingsEngine(Methodology method, IReadOnlyList<RatingPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new RatingsException("At least one period is needed, e.g. --period 2021-Q1.");
        }

        _method = method;
        _periods = periods.Select(p => new PeriodState(p, TimeSpan.FromDays(method.ObservationDays))).ToArray();
        _bodyCategories = method.Categories.Where(c => c.Entity == "body").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        _accountCategories = method.Categories.Where(c => c.Entity == "account").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Case facts read so far, all periods.</summary>
    public long CasesSeen { get; private set; }

    /// <summary>Activity lines (posts, comments, replies) read so far.</summary>
    public long ActivitySeen { get; private set; }

    /// <summary>Whether any account was marked simulated: the report then says so.</summary>
    public bool HasSimulatedAccounts { get; private set; }

    /// <summary>Lines the sources could not read; the caller adds them here so the report can say how many.</summary>
    public long InputProblems { get; set; }

    public void Add(CaseFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        CasesSeen++;
        if (string.IsNullOrEmpty(fact.BodyId))
        {
            _unattributed++;
            return;
        }

        var placeKey = fact.Place is null ? 0UL : StableHash.Of(fact.Topic, fact.Place);
        var repeat = fact.Place is not null && _closures.IsRepeat(placeKey, fact.CreatedAt, TimeSpan.FromDays(_method.RepeatWindowDays));
        if (fact.Place is not null && (fact.ResolvedAt ?? (fact.Status == Model.CaseStatus.Closed ? fact.LastStatusChangeAt : null)) is { } closed)
        {
            _closures.Closed(placeKey, closed);
        }

        var index = PeriodOf(fact.CreatedAt);
        if (index < 0)
        {
            return;
        }

        if (!_bodyCategories.Contains(fact.Category))
        {
            _unknownCategories[fact.Category] = _unknownCategories.GetValueOrDefault(fact.Category) + 1;
            return;
        }

        var state = _periods[index];
        if (!state.Bodies.TryGetValue(fact.BodyId, out var body))
        {
            body = new BodyAccumulator(fact.BodyId, fact.BodyName, fact.Category);
            state.Bodies[fact.BodyId] = body;
        }

        body.Cases++;
        // Per author, body and period; the period salts the hash instead of a key string built ten million times.
        if (fact.Author is not null && _method.MaxCasesPerAuthor > 0
            && _authors.Increment(StableHash.Of(fact.Author, fact.BodyId) ^ ((ulong)(index + 1) * 0x9E3779B97F4A7C15UL)) > _method.MaxCasesPerAuthor)
        {
            body.CappedOut++;
            return;
        }

        body.Add(fact, Topic(fact.Topic), state.AsOf, TimeSpan.FromDays(_method.StaleDays), repeat);
    }

    public void Add(AccountFacts account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!_accountCategories.Contains(account.Category))
        {
            _unknownCategories[account.Category] = _unknownCategories.GetValueOrDefault(account.Category) + 1;
            return;
        }

        _accounts[account.Account] = account;
        HasSimulatedAccounts |= account.Simulated;
    }

    public void Add(ActivityEvent activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ActivitySeen++;
        _pending.Expire(activity.At);
        if (activity.Kind == ActivityKind.Reply)
        {
            if (activity.ReplyTo is not null && _pending.Take(activity.Account, activity.ReplyTo) is { } comment)
            {
                var state = _periods[comment.Period];
                if (activity.At <= state.AsOf)
                {
                    var account = state.Account(activity.Account);
                    account.QuestionsAnswered++;
                    account.AnswerTime.Add(Math.Max(0, (activity.At - comment.At).TotalHours));
                }
            }

            return;
        }

        var index = PeriodOf(activity.At);
        if (index < 0)
        {
            return;
        }

        var period = _periods[index];
        if (activity.Kind == ActivityKind.Post)
        {
            period.Account(activity.Account).AddPost(activity, (int)((activity.At - period.Period.Start).TotalDays / 7));
        }
        else if (activity.Question != false)
        {
            period.Account(activity.Account).Questions++;
            _pending.Add(activity.Account, activity.Id, index, activity.At);
        }
    }

    private int PeriodOf(DateTimeOffset at)
    {
        for (var i = 0; i < _periods.Length; i++)
        {
            if (_periods[i].Period.Contains(at))
            {
                return i;
            }
        }

        return -1;
    }

    private int Topic(string? topic)
    {
        var key = topic ?? string.Empty;
        if (!_topics.TryGetValue(key, out var index))
        {
            index = _topics.Count;
            _topics[key] = index;
        }

        return index;
    }
}
