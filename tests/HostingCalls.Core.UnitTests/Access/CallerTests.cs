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
}
