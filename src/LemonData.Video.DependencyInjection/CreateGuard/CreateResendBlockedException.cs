using System.IO;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// A handler of the application tried to send a create again after an earlier send of it may have
/// created a paid task; the guard stopped it before anything left the machine.
/// </summary>
internal sealed class CreateResendBlockedException : IOException
{
    public CreateResendBlockedException(string earlierSend)
        : base("a handler tried to send this create again, and LemonData.Video stopped it: " + earlierSend
               + ", so the video may already be generating and a second create would be a second paid video")
    {
    }
}
