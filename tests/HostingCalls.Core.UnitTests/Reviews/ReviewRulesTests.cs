using HostingCalls.Core.Common;
using HostingCalls.Core.Reviews;

namespace HostingCalls.Core.UnitTests.Reviews;

public class ReviewRulesTests
{
    private static CriterionScoreInput Score(ReviewCriterion? criterion, int? score, string? comment = null) =>
        new() { Criterion = criterion, Score = score, Comment = comment };

    [Fact]
    public void Every_criterion_is_scored_once_from_1_to_5()
    {
        var scores = ReviewRules.Apply(new ReviewInput
        {
            Scores = [Score(ReviewCriterion.Overall, 4, "Strong letter"), Score(ReviewCriterion.Venue, 5), Score(ReviewCriterion.Security, 1), Score(ReviewCriterion.Logistics, 3)],
        });

        Assert.Equal([ReviewCriterion.Venue, ReviewCriterion.Logistics, ReviewCriterion.Security, ReviewCriterion.Overall], scores.Select(s => s.Criterion));
        Assert.Equal("Strong letter", scores[3].Comment);
    }

    [Fact]
    public void Each_mistake_is_named_with_its_field()
    {
        var rejection = Assert.Throws<Rejection>(() => ReviewRules.Apply(new ReviewInput
        {
            Scores = [Score(ReviewCriterion.Venue, 0), Score(ReviewCriterion.Venue, 3), Score(null, 3), null, Score(ReviewCriterion.Overall, 2, "bad\u0007")],
        }));

        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Equal(["scores[0].score", "scores[1].criterion", "scores[2].criterion", "scores[3]", "scores[4].comment", "scores"], rejection.Errors.Keys);
        Assert.Equal("Missing a score for Logistics, Security.", rejection.Errors["scores"].Single());
    }

    [Fact]
    public void A_review_without_scores_is_refused()
    {
        Assert.Equal(["scores"], Assert.Throws<Rejection>(() => ReviewRules.Apply(new ReviewInput())).Errors.Keys);
    }
}
