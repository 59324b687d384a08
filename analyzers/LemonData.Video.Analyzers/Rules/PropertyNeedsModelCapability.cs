using LemonData.Video.Analyzers.Requests;

namespace LemonData.Video.Analyzers;

/// <summary>
/// A pair of request properties that only a model with one capability takes (LDV0002: a start image needs
/// image-to-video; LDV0003: keyframes need keyframe support). The rules differ only in these data; the
/// reading of the request and the fix's replacement model are shared here.
/// </summary>
internal abstract class PropertyNeedsModelCapability : RequestRule
{
    /// <summary>The capability a replacement model must have, for the switch-model fix.</summary>
    private protected abstract VideoCapabilities RequiredCapability { get; }

    /// <summary>The shared rule for one property on the model (null: unset, the default model), which <paramref name="info"/> describes.</summary>
    private protected abstract VideoRuleViolation? Check(string? model, VideoModelInfo info, string property);

    public sealed override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (!write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !context.TryGetCheckedModel(request, out var model, out var info)
            || Check(model, info, write.Property.ToString()) is not { } violation)
        {
            return;
        }

        // The replacement is looked for only once there is something to replace.
        context.Report(Descriptor, write.AssignmentSyntax, violation, ModelReplacement.Properties(request, write, RequiredCapability, context.Models.Catalog));
    }
}
