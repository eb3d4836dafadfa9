using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using Moq;

namespace HostingCalls.Core.UnitTests.Invitations;

/// <summary>Invitations as the secretariat recorded them, for tests of who an email goes to.</summary>
internal static class RecordedInvitations
{
    public static Invitation For(string callId, string memberState, string email, string? mission = null, string? id = null, DateTimeOffset? issuedAt = null) => new()
    {
        Id = id ?? $"0190c0de0000700080000000inv{memberState.ToLowerInvariant()}",
        CallId = callId,
        MemberState = memberState,
        Email = email,
        PermanentMissionEmail = mission,
        Language = "en",
        Name = $"Focal point of {memberState}",
        Status = InvitationStatus.Active,
        IssuedAt = issuedAt ?? DateTimeOffset.Parse("2023-09-20T08:00:00Z"),
        IssuedBy = "secretariat",
        ExpiresAt = DateTimeOffset.Parse("2024-01-31T00:00:00Z"),
    };

    /// <summary>A store that lists <paramref name="invitations"/> for their call.</summary>
    public static IInvitationStore Store(params Invitation[] invitations)
    {
        var store = new Mock<IInvitationStore>();
        store.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string callId, CancellationToken _) => [.. invitations.Where(i => i.CallId == callId).Select(i => new Stored<Invitation>(i, "invitation-etag"))]);
        return store.Object;
    }
}
