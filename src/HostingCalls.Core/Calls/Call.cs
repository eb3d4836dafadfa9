using HostingCalls.Core.Access;

namespace HostingCalls.Core.Calls;

/// <summary>A call for hosting offers. Times are UTC; <see cref="TimeZone"/> is the IANA zone they are shown in.</summary>
public sealed record Call
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Organisation { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<Meeting> Meetings { get; init; }
    public required DateTimeOffset OpensAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required string TimeZone { get; init; }
    public TimeSpan GracePeriod { get; init; }

    /// <summary>The funding the process still lacks; when absent, the sum of the meetings' estimated costs.</summary>
    public decimal? FundingGapUsd { get; init; }
    public required DateTimeOffset ResultsDate { get; init; }
    public required CriteriaWeights Weights { get; init; }
    public required AssignmentRules Rules { get; init; }
    public CallStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>Who opened it, for the audit trail.</summary>
    public string? OpenedBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The ranking snapshot that stands; a later one replaces it, none is changed.</summary>
    public RankingRef? Ranking { get; init; }

    /// <summary>Days a selected host has to confirm: after the results date, or after being promoted from reserve.</summary>
    public int HostConfirmationDays { get; init; } = DefaultHostConfirmationDays;

    public Decisions.Decision? Decision { get; init; }
    public DateTimeOffset? AnnouncedAt { get; init; }

    public const int DefaultHostConfirmationDays = 14;

    /// <summary>An empty Draft, to be filled in by <see cref="CallRules.Apply"/>.</summary>
    public static Call NewDraft(string id, string createdBy, DateTimeOffset now) => new()
    {
        Id = id,
        Title = "",
        Meetings = [],
        OpensAt = default,
        Deadline = default,
        TimeZone = "UTC",
        ResultsDate = default,
        Weights = CriteriaWeights.Default,
        Rules = AssignmentRules.Default,
        Status = CallStatus.Draft,
        CreatedAt = now,
        CreatedBy = createdBy,
        UpdatedAt = now,
    };

    /// <summary>The last instant an offer is accepted: the deadline plus any grace period the call sets.</summary>
    public DateTimeOffset LastAcceptedAt => Deadline + GracePeriod;

    public Meeting? FindMeeting(string? meetingId) => Meetings.FirstOrDefault(m => m.Id == meetingId);

    public bool AcceptsOffersAt(DateTimeOffset now) => Status == CallStatus.Open && now >= OpensAt && now <= LastAcceptedAt;

    /// <summary>Throws a 409 rejection unless offers can be submitted, revised or withdrawn at <paramref name="now"/>.</summary>
    public void EnsureAcceptsOffersAt(DateTimeOffset now)
    {
        if (Status != CallStatus.Open)
        {
            throw Common.Rejection.Conflict("The call is not open.",
                $"The call is {Status}; offers can be submitted, revised or withdrawn only while it is Open.");
        }

        if (now < OpensAt)
        {
            throw Common.Rejection.Conflict("The call is not open yet.",
                $"The call opens at {CallTime.Describe(OpensAt, TimeZone)}.",
                new Dictionary<string, object?> { ["opensAt"] = OpensAt });
        }

        if (now > LastAcceptedAt)
        {
            var grace = GracePeriod > TimeSpan.Zero ? $" (with a grace period of {GracePeriod.TotalMinutes:0} minutes)" : "";
            throw Common.Rejection.Conflict("The deadline has passed.",
                $"The deadline for offers was {CallTime.Describe(Deadline, TimeZone)}{grace}. Offers are no longer accepted or changed.",
                new Dictionary<string, object?>
                {
                    ["deadline"] = Deadline,
                    ["deadlineLocal"] = CallTime.InZone(Deadline, TimeZone),
                    ["timeZone"] = TimeZone,
                    ["lastAcceptedAt"] = LastAcceptedAt,
                });
        }
    }

    /// <summary>Before the call closes, offers are seen by their own Member State only; the secretariat sees counts.</summary>
    public bool OffersAreSealed => Status is CallStatus.Draft or CallStatus.Open or CallStatus.Cancelled;

    /// <summary>
    /// Who may see the call: the secretariat always, everyone else once it has been opened; a focal point signed in
    /// by token only the call of their invitation.
    /// </summary>
    public bool IsVisibleTo(Caller caller) => caller.Reaches(Id) && (caller.IsSecretariat || Status != CallStatus.Draft);
}
