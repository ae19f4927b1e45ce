using Otklik.Places;
using Otklik.Routing;
using Otklik.Tests.Places;

namespace Otklik.Tests.Routing;

public class RouterTests
{
    private const string Trees = "Аварийные деревья";
    private const string Lgov = "Администрация города Льгов";
    private const string KurskGreen = "Комитет городского хозяйства города Курска";
    private const string KurskAdmin = "Администрация города Курска";
    private const string RoadsCommittee = "Комитет транспорта и автомобильных дорог Курской области";

    /// <summary>A small hand-written table: trees go to the city that has them; Льгов handles most of its own appeals.</summary>
    private static RoutingTable Table(params RoutingRule[] extra) => new(
        [
            new RoutingRule(Trees, null, "Курская область", null, "Льгов", null, Lgov, Weight: 0.9, Support: 10),
            new RoutingRule(Trees, null, "Курская область", null, "Курск", null, KurskGreen, Weight: 0.8, Support: 30),
            new RoutingRule(Trees, null, "Курская область", null, null, null, KurskGreen, Weight: 0.6, Support: 60),
            new RoutingRule(Trees, null, "Курская область", null, null, null, KurskAdmin, Weight: 0.2, Support: 60),
            new RoutingRule(null, null, "Курская область", null, "Льгов", null, Lgov, Weight: 0.7, Support: 40),
            new RoutingRule(null, null, "Курская область", null, "Льгов", null, RoadsCommittee, Weight: 0.2, Support: 40),
            .. extra,
        ],
        [new RoutingFallback("Курская область", KurskAdmin)],
        new Dictionary<string, string> { [Trees] = "3" });

    private static Router Router(RoutingTable? table = null) => new(table ?? Table(), ShippedGazetteer.Recognizer);

    private static RoutingRequest Request(string text, string? topic = null, params ScoredLabel[] executors) =>
        new(text, topic is null ? null : [new ScoredLabel(topic, 1)], executors, ShippedGazetteer.Kursk);

    [Fact]
    public void The_same_topic_goes_to_the_city_where_the_problem_is()
    {
        var lgov = Router().Route(Request("Сухое дерево нависает над дорогой в Льгове", Trees));
        var kursk = Router().Route(Request("Сухое дерево нависает над дорогой, г. Курск", Trees));
        Assert.Equal(Lgov, lgov.Best!.Body);
        Assert.Equal(KurskGreen, kursk.Best!.Body);
        Assert.Equal(RouteReasonKind.Rule, kursk.Best.MainReason);
        Assert.Contains("Курск", kursk.Best.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_city_the_rule_for_the_region_applies()
    {
        var result = Router().Route(Request("Сухое дерево во дворе", Trees));
        Assert.Equal(KurskGreen, result.Best!.Body);
        Assert.Equal("Курская область", result.Territory.Region);
    }

    [Fact]
    public void Without_a_topic_the_place_routes_and_says_so()
    {
        var result = Router().Route(Request("Не горит фонарь в г. Льгове"));
        Assert.Equal(Lgov, result.Best!.Body);
        Assert.Equal(RouteReasonKind.Place, result.Best.MainReason);
    }

    [Fact]
    public void With_nothing_known_the_regions_fallback_body_is_offered()
    {
        var result = Router().Route(Request("Помогите разобраться"));
        var only = Assert.Single(result.Candidates);
        Assert.Equal(KurskAdmin, only.Body);
        Assert.Equal(RouteReasonKind.Fallback, only.MainReason);
    }

    [Fact]
    public void The_text_models_executor_adds_its_evidence_with_a_model_reason()
    {
        var result = Router().Route(Request("Сухое дерево во дворе", Trees, new ScoredLabel(KurskAdmin, 0.9)));
        Assert.Equal(KurskAdmin, result.Best!.Body);
        Assert.Contains(result.Best.Reasons, r => r.Kind == RouteReasonKind.Model);
        Assert.Contains(result.Best.Reasons, r => r.Kind == RouteReasonKind.Rule);
    }

    [Fact]
    public void At_most_three_bodies_are_returned_best_first()
    {
        var result = Router().Route(Request("Сухое дерево в Льгове", Trees,
            new ScoredLabel("A", 0.3), new ScoredLabel("B", 0.2), new ScoredLabel("C", 0.1)));
        Assert.Equal(3, result.Candidates.Count);
        Assert.True(result.Candidates[0].Score >= result.Candidates[1].Score && result.Candidates[1].Score >= result.Candidates[2].Score);
    }

    [Fact]
    public void An_operators_priority_rule_overrides_the_derived_cells()
    {
        var table = Table(new RoutingRule(Trees, null, null, null, "Льгов", null, "Администрация Льговского района", Priority: 5));
        var result = Router(table).Route(Request("Сухое дерево в Льгове", Trees));
        Assert.Equal("Администрация Льговского района", result.Best!.Body);
        Assert.Contains("operator rule", result.Best.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_written_for_a_topic_group_applies_to_its_topics()
    {
        var table = Table(new RoutingRule(null, "3", "Курская область", null, "Курчатов", null, "Администрация города Курчатова", Weight: 1, Support: 5));
        var result = Router(table).Route(Request("Аварийное дерево в г. Курчатове", Trees));
        Assert.Equal("Администрация города Курчатова", result.Best!.Body);
    }

    [Fact]
    public void A_place_outside_the_capital_goes_to_its_own_administration_over_the_models_capital_committee()
    {
        const string Sudzha = "Администрация Суджанского района";
        const string KurskRoads = "Комитет дорожного хозяйства города Курска";
        // Overall shares (the prior): the capital's committee is common, Суджа's administration rare and never seen in Суджа.
        var table = Table(
            new RoutingRule(null, null, null, null, null, null, KurskRoads, Weight: 0.3, Support: 100),
            new RoutingRule(null, null, null, null, null, null, Sudzha, Weight: 0.01, Support: 100));

        var result = Router(table).Route(Request("Яма на дороге в Судже, второй год не ремонтируют", null, new ScoredLabel(KurskRoads, 0.6)));

        Assert.Equal(Sudzha, result.Best!.Body);
        Assert.Contains(result.Best.Reasons, r => r.Kind == RouteReasonKind.Place && r.Detail.Contains("administration of", StringComparison.Ordinal));
        var committee = result.Candidates.Single(c => c.Body == KurskRoads);
        Assert.Contains(committee.Reasons, r => r.Kind == RouteReasonKind.Place && r.Score < 0);
    }

    [Fact]
    public void Candidates_scores_are_shares_of_the_evidence()
    {
        var result = Router().Route(Request("Сухое дерево нависает над дорогой, г. Курск", Trees, new ScoredLabel(KurskAdmin, 0.5)));

        Assert.All(result.Candidates, c => Assert.InRange(c.Score, 0, 1));
        Assert.True(result.Candidates.Sum(c => c.Score) <= 1.0001);
    }
}
