using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Masking;
using PortalApp.Records;

namespace PortalApp.Tests.Records;

/// <summary>The record filter's fields, described once in <see cref="RecordFilterField"/>: the URL, the log's text, the form and the rules agree.</summary>
public sealed class RecordQueryStringTests
{
    private static readonly RecordQuery Everything = new()
    {
        Name = "Ann Lee", DcNumber = "2024-01-000123", From = new DateOnly(2024, 1, 2), To = new DateOnly(2024, 2, 3), District = 12,
        Statute = "18:3502", Role = InvolvementRole.Victim, PlaceOfBirth = "Lima", Race = "R", Ethnicity = "E",
        SortBy = RecordFields.Name, Descending = false, Page = 2, PageSize = 50,
    };

    [Fact]
    public void TheQueryStringWritesEveryFilterInItsOrderAndReadsBackTheSameSearch()
    {
        var text = RecordQueryString.Format(Everything);

        Assert.Equal("name=Ann%20Lee&dc=2024-01-000123&from=2024-01-02&to=2024-02-03&district=12&charge=18%3A3502&role=Victim"
            + "&placeOfBirth=Lima&race=R&ethnicity=E&sort=Name&dir=asc", text);
        var pairs = text.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(Everything with { Page = 0, PageSize = 25 }, RecordQueryString.Parse(key => pairs.GetValueOrDefault(key)));
    }

    [Fact]
    public void BlankValuesAndTheDefaultSortLeaveTheQueryStringAndUnreadableValuesAreNoFilter()
    {
        Assert.Equal("", RecordQueryString.Format(new RecordQuery { Name = "  ", Statute = "" }));
        Assert.Equal("name=Ann", RecordQueryString.Format(new RecordQuery { Name = " Ann " }));

        var parsed = RecordQueryString.Parse(key => key switch { "from" => "2024-13-01", "district" => "twelve", "role" => "witness", _ => null });

        Assert.Equal(new RecordQuery { Role = InvolvementRole.Witness }, parsed);
    }

    [Fact]
    public void TheAccessLogKeepsEveryFilterSetThenTheSortAndPage()
    {
        Assert.Equal("name=Ann Lee; dc=2024-01-000123; from=2024-01-02; to=2024-02-03; district=12; charge=18:3502; role=Victim; "
            + "placeOfBirth=Lima; race=R; ethnicity=E; sort=Name asc; page=3; size=50", Everything.Describe());
        Assert.Equal("name=Ann; sort=ArrestDate desc; page=1; size=25", new RecordQuery { Name = " Ann ", DcNumber = " " }.Describe());
    }

    [Fact]
    public void ADateRangeIsOneFieldAndTheInvolvementIsAFilterWithoutAField()
    {
        Assert.Equal([(RecordFields.ArrestDate, "arrest date")], new RecordQuery { From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 2, 1) }.FilterFields());
        var byRole = new RecordQuery { Role = InvolvementRole.Witness };
        Assert.Empty(byRole.FilterFields());
        Assert.True(byRole.HasFilters);
        Assert.False(new RecordQuery { Name = " " }.HasFilters);
    }

    [Fact]
    public void TheFormCountsTheMoreFiltersItHoldsAndGivesBackOnlyFilters()
    {
        var form = RecordQueryModel.Of(Everything);

        Assert.Equal(7, form.MoreFiltersSet);
        Assert.Equal(Everything with { SortBy = RecordFields.ArrestDate, Descending = true, Page = 0, PageSize = 25 }, form.ToQuery());
        form.Clear();
        Assert.Equal(new RecordQuery(), form.ToQuery());
        Assert.Equal(2, new RecordQueryModel { Name = "Ann", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 1, 2), Race = "R" }.MoreFiltersSet);
    }

    [Fact]
    public void TheRulesNameTheFilterARoleMayNotUseAndBoundEachFreeText()
    {
        var all = RecordFields.All.ToDictionary(f => f, _ => MaskingAction.Show);
        var clerk = new RolePolicy(Roles.Clerk, all, new HashSet<InvolvementRole> { InvolvementRole.Arrestee }, "the policy");
        var liaison = clerk with { Role = Roles.AgencyLiaison };
        var masked = clerk with { Fields = new Dictionary<string, MaskingAction>(all) { [RecordFields.DcNumber] = MaskingAction.Partial } };

        Assert.Null(RecordQueryRules.Check(clerk, Everything with { Role = InvolvementRole.Arrestee }, 10_000));
        Assert.Equal(new RecordQueryRules.Verdict(
            "Refused: the agency may never search, filter or sort by place of birth, race or ethnicity (you asked to filter by race). This attempt has been logged for review.", true),
            RecordQueryRules.Check(liaison, new RecordQuery { Race = "R" }, 10_000));
        Assert.Equal(new RecordQueryRules.Verdict(
            "Refused: you cannot filter by DC number because that field is masked for your role by the policy. This attempt has been logged.", true),
            RecordQueryRules.Check(masked, new RecordQuery { DcNumber = "2024" }, 10_000));
        Assert.Equal(new RecordQueryRules.Verdict("The charge is too long: at most 40 characters.", false),
            RecordQueryRules.Check(clerk, new RecordQuery { Statute = new string('1', 41), Ethnicity = new string('e', 61) }, 10_000));
        Assert.Equal(new RecordQueryRules.Verdict("Refused: rows of victims are not visible to your role under the policy. This attempt has been logged.", true),
            RecordQueryRules.Check(clerk, new RecordQuery { Role = InvolvementRole.Victim }, 10_000));
    }
}
