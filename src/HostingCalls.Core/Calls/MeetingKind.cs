namespace HostingCalls.Core.Calls;

public enum MeetingKind
{
    ExpertGroup,
    RegionalConsultation,
}
