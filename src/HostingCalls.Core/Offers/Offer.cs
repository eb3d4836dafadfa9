using HostingCalls.Core.Access;
using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;

namespace HostingCalls.Core.Offers;

/// <summary>A Member State's offer to host one meeting of a call.</summary>
public sealed record Offer
{
    public required string Id { get; init; }
    public required string CallId { get; init; }
    public required string MemberState { get; init; }
    public required OfferStatus Status { get; init; }

    /// <summary>1 when submitted, one more at each revision.</summary>
    public required int Version { get; init; }

    public required OfferDetails Details { get; init; }
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }

    public bool IsActive => Status is OfferStatus.Submitted or OfferStatus.Revised;

    /// <summary>
    /// Offers are sealed until the call closes: before that only the offering state sees one;
    /// afterwards the secretariat and its reviewers do too.
    /// </summary>
    public bool IsVisibleTo(Caller caller, Call call) =>
        caller.Reaches(CallId) && (caller.MemberState == MemberState || (caller.IsStaff && !call.OffersAreSealed));
}
