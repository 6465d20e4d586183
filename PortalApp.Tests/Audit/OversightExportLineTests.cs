using PortalApp.Audit;

namespace PortalApp.Tests.Audit;

public sealed class OversightExportLineTests
{
    [Theory]
    [InlineData(2946, 2626, "success", true, "2,946 rows, 2,626 distinct people")]
    [InlineData(40, null, "success", true, "40 rows, people not recorded")]
    [InlineData(0, null, "success", false, "no file")]
    [InlineData(0, null, "refused", false, "no file")]
    public void AnExportLineSaysWhatTheFileHeldOrThatThereWasNone(int rows, int? people, string outcome, bool delivered, string expected)
    {
        var line = new OversightExport(1, DateTimeOffset.UnixEpoch, "liaison@portal.local", null, null, rows, people, outcome, false);
        Assert.Equal((delivered, expected), (line.Delivered, line.Results));
    }
}
