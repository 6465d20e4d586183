using System.Reflection;
using Microsoft.AspNetCore.Components;
using PortalApp.Common;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Architecture;

/// <summary>
/// The house rule: every public async method of a service takes a CancellationToken, so a closed tab or an aborted
/// request stops its database work. Razor components' lifecycle methods and overrides of framework types keep the
/// signatures the framework fixes.
/// </summary>
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class CancellationTokenRuleTests
{
    // PortalApp.Cli (the bench and capacity client) is moving to its own tools project and is left to that move.
    private static readonly string[] ExcludedNamespaces = ["PortalApp.Cli"];

    /// <summary>Methods the framework calls through a delegate of its own shape, so they cannot take a token.</summary>
    private static readonly HashSet<string> FixedShape =
    [
        // Cookie and security-stamp events: the context they get carries the request and its token.
        "PortalApp.Users.AccountStandingCookie.ValidateAsync",
        "PortalApp.Users.AccountStandingCookie.NoteSlidingRenewalAsync",
        "PortalApp.Users.AccountStandingCookie.KeepSignInClaimsAsync",
        // Wraps a component's SetParametersAsync, which takes no token.
        "PortalApp.Common.CoalescedRenders.FromParentAsync",
    ];

    [Fact]
    public void EveryPublicAsyncServiceMethodTakesACancellationToken()
    {
        var offenders = typeof(global::PortalApp.Authorization.Capabilities).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsVisible && !typeof(ComponentBase).IsAssignableFrom(t) && !typeof(Delegate).IsAssignableFrom(t)
                && !IsExcluded(t.Namespace))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && IsAsync(m.ReturnType) && !FixedByFramework(t, m))
                .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
                .Select(m => $"{t.FullName}.{m.Name}")
                .Where(name => !FixedShape.Contains(name)))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(offenders.Count == 0, $"Public async methods without a CancellationToken ({offenders.Count}):\n{string.Join("\n", offenders)}");
    }

    private static bool IsExcluded(string? ns) =>
        ns is null || !ns.StartsWith("PortalApp", StringComparison.Ordinal)
        || ExcludedNamespaces.Any(x => ns == x || ns.StartsWith(x + ".", StringComparison.Ordinal));

    private static bool IsAsync(Type t) =>
        typeof(Task).IsAssignableFrom(t) || t == typeof(ValueTask) || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueTask<>));

    private static bool IsFramework(Type? t) =>
        t?.Namespace is { } ns && (ns.StartsWith("Microsoft.", StringComparison.Ordinal) || ns.StartsWith("System", StringComparison.Ordinal));

    /// <summary>An override of a framework class's method, or an implementation of a framework interface's.</summary>
    private static bool FixedByFramework(Type type, MethodInfo method)
    {
        if (!method.IsStatic && IsFramework(method.GetBaseDefinition().DeclaringType))
        {
            return true;
        }
        return type.GetInterfaces().Where(IsFramework).Any(i => type.GetInterfaceMap(i).TargetMethods.Contains(method));
    }
}
