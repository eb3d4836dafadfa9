namespace HostingCalls.Core.Judging;

/// <summary>Why a ranking was computed.</summary>
public enum RankingReason
{
    /// <summary>The call closed.</summary>
    Closed,

    /// <summary>Reviews changed.</summary>
    Reviewed,

    /// <summary>An offer checked in time was committed after the call was ranked.</summary>
    LateOffer,

    /// <summary>The secretariat asked what other weights or rules would give; never stored.</summary>
    WhatIf,
}
