using HostingCalls.Core.Common;

namespace HostingCalls.Core.Reviews;

/// <summary>Checks a <see cref="ReviewInput"/>: every criterion scored once, 1 to 5.</summary>
public static class ReviewRules
{
    public const int MaxCommentLength = 2000;

    public static IReadOnlyList<CriterionScore> Apply(ReviewInput input)
    {
        var criteria = string.Join(", ", Enum.GetNames<ReviewCriterion>());
        if (input.Scores is not { Count: > 0 } inputs)
        {
            throw Rejection.Invalid("scores", $"Required: a score for each of {criteria}.");
        }

        var errors = new FieldErrors();
        var scores = new List<CriterionScore>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"scores[{i}]";
            if (inputs[i] is not { } score)
            {
                errors.Add(field, "Required.");
                continue;
            }

            if (score.Criterion is not { } criterion)
            {
                errors.Add($"{field}.criterion", $"Required: one of {criteria}.");
                continue;
            }

            if (scores.Any(s => s.Criterion == criterion))
            {
                errors.Add($"{field}.criterion", $"{criterion} is scored twice.");
                continue;
            }

            if (score.Score is not (>= 1 and <= 5))
            {
                errors.Add($"{field}.score", "Required: a whole number from 1 (poor) to 5 (excellent).");
            }

            var comment = TextRules.Optional(errors, $"{field}.comment", score.Comment, MaxCommentLength, multiline: true);
            scores.Add(new CriterionScore(criterion, score.Score ?? 0, comment));
        }

        var missing = Enum.GetValues<ReviewCriterion>().Where(c => scores.All(s => s.Criterion != c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add("scores", $"Missing a score for {string.Join(", ", missing)}.");
        }

        errors.ThrowIfAny("review");
        return [.. scores.OrderBy(s => s.Criterion)];
    }
}
