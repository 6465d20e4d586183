using Bunit;
using Portal.Data.Entities;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

public sealed class RecordFiltersTests : MudComponentTest
{
    private static readonly RecordPermissions Clerk = new(true, null, "policy v1", new HashSet<string>(RecordFields.All),
        [InvolvementRole.Arrestee, InvolvementRole.Victim, InvolvementRole.Witness], false, null);

    [Fact]
    public void OnlyTheNameSearchIsRenderedUntilMoreFiltersIsOpened()
    {
        var form = RenderWithMud<RecordFilters>(p => p.Add(x => x.Query, new RecordQueryModel()).Add(x => x.Permissions, Clerk));

        Assert.Single(form.FindAll("[data-testid=filter-name]"));
        Assert.Empty(form.FindAll("[data-testid=filter-dc]"));
        var more = form.Find("[data-testid=more-filters]");
        Assert.Equal("false", more.GetAttribute("aria-expanded"));

        more.Click();

        foreach (var filter in new[] { "filter-dc", "filter-from", "filter-to", "filter-district", "filter-charge", "filter-role", "filter-place" })
        {
            Assert.Single(form.FindAll($"[data-testid={filter}]"));
        }
        Assert.Equal("true", form.Find("[data-testid=more-filters]").GetAttribute("aria-expanded"));
        form.Find("[data-testid=more-filters]").Click();
        Assert.Empty(form.FindAll("[data-testid=filter-dc]"));
    }

    [Fact]
    public void ALinkThatSetsAnotherFilterOpensThePanelAndCountsWhatIsSet()
    {
        var query = new RecordQueryModel { Name = "S", DcNumber = "2024", District = 12 };
        var form = RenderWithMud<RecordFilters>(p => p.Add(x => x.Query, query).Add(x => x.Permissions, Clerk));

        Assert.Single(form.FindAll("[data-testid=filter-dc]"));
        Assert.Equal("More filters (2 set)", form.Find("[data-testid=more-filters]").TextContent.Trim());

        form.Find("[data-testid=more-filters]").Click();
        Assert.Empty(form.FindAll("[data-testid=filter-dc]"));
        Assert.Equal("More filters (2 set)", form.Find("[data-testid=more-filters]").TextContent.Trim());
    }
}
