namespace HostingCalls.Core.Calls;

/// <summary>Weights and rules to try a call's ranking under; what is left out stays as the call has it.</summary>
public sealed class WhatIfInput
{
    public WeightsInput? Weights { get; init; }
    public RulesInput? Rules { get; init; }
}
