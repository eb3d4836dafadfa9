using HostingCalls.Core.Access;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.UnitTests.Access;

public class CallerTests
{
    [Fact]
    public void Only_the_secretariat_passes_the_secretariat_check_anonymous_is_401_others_403()
    {
        Caller.Secretariat("s").EnsureSecretariat();
        Assert.Equal(RejectionKind.Unauthenticated, Assert.Throws<Rejection>(() => Caller.Anonymous.EnsureSecretariat()).Kind);
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(() => Caller.FocalPoint("KEN", "k").EnsureSecretariat()).Kind);
    }

    [Fact]
    public void A_focal_point_speaks_for_its_state_only()
    {
        Assert.Equal("KEN", Caller.FocalPoint("KEN", "k").EnsureMemberState());
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(() => Caller.Secretariat("s").EnsureMemberState()).Kind);
        Assert.Equal(RejectionKind.Unauthenticated, Assert.Throws<Rejection>(() => Caller.Anonymous.EnsureMemberState()).Kind);
    }

    [Fact]
    public void Someone_signed_in_without_a_role_is_forbidden_everywhere_not_asked_to_sign_in()
    {
        var signedIn = new Caller(CallerRole.SignedIn, "0f8fad5b-d9cb-469f-a165-70867728950e", null);
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(signedIn.EnsureSecretariat).Kind);
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(signedIn.EnsureStaff).Kind);
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(() => signedIn.EnsureReviewer()).Kind);
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(() => signedIn.EnsureMemberState()).Kind);
    }
}
