using Otklik.Cases;
using Otklik.Model;

namespace Otklik.Tests.Cases;

public class CaseWorkflowTests
{
    [Fact]
    public void The_happy_path_goes_from_new_to_closed()
    {
        var status = CaseStatus.New;
        foreach (var action in new[] { CaseAction.Assign, CaseAction.Start, CaseAction.Answer, CaseAction.Close })
        {
            status = CaseWorkflow.Next(status, action) ?? throw new InvalidOperationException($"{action} refused from {status}");
        }

        Assert.Equal(CaseStatus.Closed, status);
    }

    [Fact]
    public void A_closed_case_can_only_be_reopened()
    {
        Assert.Equal([CaseAction.Reopen], CaseWorkflow.Allowed(CaseStatus.Closed));
        Assert.Null(CaseWorkflow.Next(CaseStatus.Closed, CaseAction.Answer));
    }

    [Fact]
    public void A_reopened_rejection_goes_back_to_triage()
    {
        Assert.Equal(CaseStatus.New, CaseWorkflow.Next(CaseStatus.Rejected, CaseAction.Reopen));
    }

    [Fact]
    public void Reassigning_in_progress_hands_the_case_back_as_assigned()
    {
        Assert.Equal(CaseStatus.Assigned, CaseWorkflow.Next(CaseStatus.InProgress, CaseAction.Reassign));
        Assert.True(CaseWorkflow.NeedsReason(CaseAction.Reassign));
    }

    [Fact]
    public void Every_status_has_a_way_forward()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            Assert.NotEmpty(CaseWorkflow.Allowed(status));
        }
    }

    [Theory]
    [InlineData(CaseStatus.New, true)]
    [InlineData(CaseStatus.Reopened, true)]
    [InlineData(CaseStatus.Answered, false)]
    [InlineData(CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Rejected, false)]
    public void Only_cases_a_body_still_owes_are_open(CaseStatus status, bool open)
    {
        Assert.Equal(open, CaseWorkflow.IsOpen(status));
    }
}
