using System;
using System.Collections.Generic;

namespace LemonData.Video.Analyzers.Configuration;

/// <summary>
/// Which lists of a model's contract at least one model of a catalog has. The rules of a list (LDV0013-LDV0015) can fire
/// only when some model has it, so a compilation whose catalog has none of them (the snapshot, with no catalog file)
/// neither runs those rules nor lets the names of the properties only they read past the name gate.
/// </summary>
[Flags]
internal enum ContractLists
{
    None = 0,
    Durations = 1,
    Resolutions = 2,
    AspectRatios = 4,
    SupportedParameters = 8,
    All = Durations | Resolutions | AspectRatios | SupportedParameters,
}

/// <summary>Reads <see cref="ContractLists"/> off models.</summary>
internal static class ContractListsOf
{
    /// <summary>The lists some model of <paramref name="models"/> has.</summary>
    public static ContractLists Models(IReadOnlyList<VideoModelInfo> models)
    {
        var lists = ContractLists.None;
        foreach (var model in models)
        {
            lists |= (model.Durations is not null ? ContractLists.Durations : ContractLists.None)
                | (model.Resolutions is not null ? ContractLists.Resolutions : ContractLists.None)
                | (model.AspectRatios is not null ? ContractLists.AspectRatios : ContractLists.None)
                | (model.SupportedParameters is not null ? ContractLists.SupportedParameters : ContractLists.None);
        }

        return lists;
    }
}
