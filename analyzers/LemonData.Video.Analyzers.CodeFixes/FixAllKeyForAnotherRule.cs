using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>
/// What a fix with one equivalence key answers when a host hands it only diagnostics of rules it does not fix.
/// <c>dotnet format analyzers</c> learns the key of a fix's Fix All by handing the fix the first diagnostic its analysis
/// found among all the ids of <c>--diagnostics</c>, not only the fix's (its <c>SolutionCodeFixApplier</c> takes
/// <c>result.Diagnostics...FirstOrDefault()</c>), and the key of the first action registered. One analyzer reports all
/// the LDV rules, so that diagnostic is often another rule's: with no action registered, the key is null, Fix All finds no action with it, and the rule is left
/// unfixed ("didn't return a Fix All action"). Seen with <c>--diagnostics LDV0001 LDV0006</c>: <c>Fps = 240</c> stayed
/// whenever <c>Model = "sora2"</c> came first in the file and dotnet format took LDV0006 first (its order is a hash set's).
/// The answer is an action that carries the key and changes nothing: the host never applies it, only its Fix All, over
/// the diagnostics of the fix's own rules. An IDE never asks so: it hands a fix only the ids it fixes.
/// </summary>
internal static class FixAllKeyForAnotherRule
{
    /// <summary>
    /// True, after registering the key-carrying action, when none of the context's diagnostics is of
    /// <paramref name="fixableIds"/>; the fix then has nothing else to register.
    /// </summary>
    public static bool Answered(CodeFixContext context, ImmutableArray<string> fixableIds, string title, string equivalenceKey)
    {
        if (context.Diagnostics.Any(diagnostic => fixableIds.Contains(diagnostic.Id)))
        {
            return false;
        }

        var document = context.Document;
        context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(document), equivalenceKey), context.Diagnostics);
        return true;
    }
}
