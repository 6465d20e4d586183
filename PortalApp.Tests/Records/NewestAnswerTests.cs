using PortalApp.Records;

namespace PortalApp.Tests.Records;

public sealed class NewestAnswerTests
{
    [Fact]
    public void AnOlderLoadThatFinishesAfterANewerOneShowsTheNewerAnswer()
    {
        var answers = new NewestAnswer<string>();
        var firstPage = answers.Start();
        var search = answers.Start();

        Assert.True(answers.Finish(search, "rows of the search", out var shown));
        Assert.Equal("rows of the search", shown);
        Assert.False(answers.Finish(firstPage, "first page, unfiltered", out shown));
        Assert.Equal("rows of the search", shown);
    }

    [Fact]
    public void LoadsThatFinishInOrderShowEachAnswerInTurn()
    {
        var answers = new NewestAnswer<string>();
        var firstPage = answers.Start();
        var search = answers.Start();

        Assert.True(answers.Finish(firstPage, "first page", out var shown));
        Assert.Equal("first page", shown);
        Assert.True(answers.Finish(search, "search", out shown));
        Assert.Equal("search", shown);
        Assert.True(answers.Finish(answers.Start(), "next page", out shown));
        Assert.Equal("next page", shown);
    }
}
