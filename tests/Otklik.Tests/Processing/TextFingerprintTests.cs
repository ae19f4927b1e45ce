using Otklik.Processing;

namespace Otklik.Tests.Processing;

public sealed class TextFingerprintTests
{
    private const string Complaint = "Во дворе дома 12 по улице Ленина третий день не вывозят мусор, контейнеры переполнены";

    [Fact]
    public void A_reposted_complaint_with_a_greeting_and_different_case_is_a_near_duplicate()
    {
        var echo = "Здравствуйте! " + Complaint.ToUpperInvariant().Replace('Е', 'Ё') + "!!!";

        Assert.True(TextFingerprint.Similarity(TextFingerprint.Of(Complaint), TextFingerprint.Of(echo)) >= 0.5);
    }

    [Fact]
    public void A_different_problem_in_the_same_street_is_not()
    {
        var other = "На улице Ленина у дома 12 не горят фонари, вечером темно";

        Assert.True(TextFingerprint.Similarity(TextFingerprint.Of(Complaint), TextFingerprint.Of(other)) < 0.5);
    }

    [Fact]
    public void HTML_and_entities_do_not_change_the_fingerprint()
    {
        Assert.Equal(TextFingerprint.Of(Complaint), TextFingerprint.Of("<p>" + Complaint.Replace(" ", "&nbsp;", StringComparison.Ordinal) + "</p>"));
    }
}
