using Portal.Data.Entities;
using PortalApp.Masking;

namespace PortalApp.Tests.Masking;

public sealed class MaskedMarkupTests
{
    [Theory]
    [InlineData(MaskingAction.Show)]
    [InlineData(MaskingAction.Partial)]
    public void TextAndPolicyNamesAreEscapedSoNoValueBecomesMarkup(MaskingAction action)
    {
        var html = MaskedMarkup.Of(new MaskedField("<script>alert('x')</script> & \"q\"", action), "policy \"v2\" <b>", showNote: true).Value;

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", html, StringComparison.Ordinal);
        if (action == MaskingAction.Show)
        {
            Assert.DoesNotContain("data-testid=\"masked\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("title=\"Masked for your role by policy &quot;v2&quot; &lt;b&gt;\" data-testid=\"masked\"", html, StringComparison.Ordinal);
            Assert.Contains("masked for your role by policy &quot;v2&quot; &lt;b&gt;</span>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AShownValueKeepsItsLinesAndAPersonLinkCarriesTheIdAndTheName()
    {
        Assert.Equal("<span class=\"d-block\">18 Pa.C.S. 3502</span><span class=\"d-block\">35 P.S. 780</span>",
            MaskedMarkup.Of(new MaskedField("18 Pa.C.S. 3502\n35 P.S. 780", MaskingAction.Show), "policy v1").Value);

        var link = MaskedMarkup.PersonLink(42, new MaskedField("Doe, Jane", MaskingAction.Show), "policy v1").Value;
        Assert.StartsWith("<a href=\"/records/42\" data-testid=\"record-link\"", link, StringComparison.Ordinal);
        Assert.EndsWith("<span class=\"d-block\">Doe, Jane</span></a>", link, StringComparison.Ordinal);
    }
}
